namespace FlowCenter.Runtime.Tasks;

/// <summary>A copy of a case sent to someone for their information (抄送).</summary>
public sealed record CarbonCopy(string InstanceId, string GroupId, string UserName, string FromUser, string Title, DateTimeOffset At)
{
    public long Id { get; init; }

    public DateTimeOffset? ReadAt { get; init; }
}
