namespace FlowCenter.Runtime.Tasks;

/// <summary>Something a person should hear about: a task for them, a reminder, a copy, their request decided.</summary>
public sealed record TaskNotification(string User, TaskNotificationKind Kind, string Title, string InstanceId, string? ItemId, DateTimeOffset At)
{
    public string? Detail { get; init; }
}
