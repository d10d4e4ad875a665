namespace FlowCenter.Engine.State;

/// <summary>A failure no retry or error port handled. The token stays at the node until an operator acts.</summary>
public sealed class Incident
{
    public int Id { get; set; }

    public string NodeId { get; set; } = "";

    public int TokenId { get; set; }

    public string Message { get; set; } = "";

    public string? ErrorType { get; set; }

    public string? Detail { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>How it was resolved: retried, skipped or cancelled.</summary>
    public string? Resolution { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOpen => ResolvedAt is null;
}
