namespace FlowCenter.Persistence.Records;

public sealed class NotificationRecord
{
    public long Id { get; set; }

    public string User { get; set; } = "";

    public int Kind { get; set; }

    public string Title { get; set; } = "";

    public string? Detail { get; set; }

    public string InstanceId { get; set; } = "";

    public string? ItemId { get; set; }

    public DateTimeOffset At { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
