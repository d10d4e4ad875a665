namespace FlowCenter.Persistence.Records;

public sealed class TaskItemRecord
{
    public string Id { get; set; } = "";

    public string GroupId { get; set; } = "";

    public string InstanceId { get; set; } = "";

    public int Sequence { get; set; }

    public string? Assignee { get; set; }

    public string? Owner { get; set; }

    public int Status { get; set; }

    public bool Added { get; set; }

    public string? BlockedBy { get; set; }

    public string? Outcome { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<TaskCandidateRecord> Candidates { get; set; } = [];
}
