namespace FlowCenter.Runtime.Tasks;

/// <summary>One thing that happened to a step: every decision, comment and hand-over, kept for good.</summary>
public sealed record TaskHistoryEntry(string InstanceId, string GroupId, string? ItemId, DateTimeOffset At, string User, TaskAction Action)
{
    public long Id { get; init; }

    public string? Comment { get; init; }

    /// <summary>The other person (transferred to, delegated to, added, copied), or the outcome, or the node returned to.</summary>
    public string? Target { get; init; }

    /// <summary>The node of the step, for the timeline.</summary>
    public string? NodeId { get; init; }

    /// <summary>For a delegate's decision, the person on whose behalf it was made.</summary>
    public string? OnBehalfOf { get; init; }
}
