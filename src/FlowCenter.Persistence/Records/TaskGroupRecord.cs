namespace FlowCenter.Persistence.Records;

public sealed class TaskGroupRecord
{
    public string Id { get; set; } = "";

    public string InstanceId { get; set; } = "";

    public string DefinitionId { get; set; } = "";

    public int DefinitionVersion { get; set; }

    public string NodeId { get; set; } = "";

    public string Title { get; set; } = "";

    public string? BusinessKey { get; set; }

    public string? Initiator { get; set; }

    public string Mode { get; set; } = "single";

    public string SpecJson { get; set; } = "{}";

    public int Status { get; set; }

    public string? Outcome { get; set; }

    public string? ReturnTo { get; set; }

    public string? DecisionJson { get; set; }

    public DateTimeOffset? ResumedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public bool TimeoutHandled { get; set; }

    public DateTimeOffset? NextReminderAt { get; set; }

    public int Revision { get; set; }
}
