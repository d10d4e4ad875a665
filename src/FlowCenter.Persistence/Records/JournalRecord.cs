namespace FlowCenter.Persistence.Records;

public sealed class JournalRecord
{
    public string InstanceId { get; set; } = "";

    public int Sequence { get; set; }

    public string NodeId { get; set; } = "";

    public string ActivityType { get; set; } = "";

    public int TokenId { get; set; }

    public int Attempt { get; set; }

    public int Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? Outcome { get; set; }

    public string? Error { get; set; }

    public string? Worker { get; set; }

    public string? ResumedBy { get; set; }
}
