namespace FlowCenter.Engine.State;

/// <summary>One execution of a node, with its times from the engine's clock.</summary>
public sealed class JournalEntry
{
    public int Sequence { get; set; }

    public string NodeId { get; set; } = "";

    public string ActivityType { get; set; } = "";

    public int TokenId { get; set; }

    public int Attempt { get; set; } = 1;

    public JournalStatus Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The ports the node completed through, comma separated.</summary>
    public string? Outcome { get; set; }

    public string? Error { get; set; }

    /// <summary>The engine (server node) that ran the step, when it has a name.</summary>
    public string? Worker { get; set; }

    /// <summary>Who or what resumed the waiting node: a person, a system (<c>webhook:enterprise</c>), an operator.</summary>
    public string? ResumedBy { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public TimeSpan? Duration => CompletedAt - StartedAt;
}
