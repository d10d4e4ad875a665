namespace FlowCenter.Persistence.Records;

public sealed class TaskHistoryRecord
{
    public long Id { get; set; }

    public string InstanceId { get; set; } = "";

    public string GroupId { get; set; } = "";

    public string? ItemId { get; set; }

    public string? NodeId { get; set; }

    public DateTimeOffset At { get; set; }

    public string User { get; set; } = "";

    public int Action { get; set; }

    public string? Comment { get; set; }

    public string? Target { get; set; }

    public string? OnBehalfOf { get; set; }
}
