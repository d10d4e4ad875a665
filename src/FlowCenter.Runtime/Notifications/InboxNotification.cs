using FlowCenter.Runtime.Tasks;

namespace FlowCenter.Runtime.Notifications;

/// <summary>A notification kept for the in-app bell.</summary>
public sealed record InboxNotification(long Id, string User, TaskNotificationKind Kind, string Title, string InstanceId, string? ItemId, DateTimeOffset At)
{
    public string? Detail { get; init; }

    public DateTimeOffset? ReadAt { get; init; }

    /// <summary>The notification is about a task that is no longer open: it was handled, so it asks for nothing.</summary>
    public bool Settled { get; init; }
}
