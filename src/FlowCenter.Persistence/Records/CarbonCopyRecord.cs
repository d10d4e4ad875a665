namespace FlowCenter.Persistence.Records;

public sealed class CarbonCopyRecord
{
    public long Id { get; set; }

    public string InstanceId { get; set; } = "";

    public string GroupId { get; set; } = "";

    public string UserName { get; set; } = "";

    public string FromUser { get; set; } = "";

    public string Title { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
