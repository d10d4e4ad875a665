using FlowCenter.Runtime.Tasks;

namespace FlowCenter.Runtime.Notifications;

/// <summary>The in-app channel: keeps each notification for the bell and rings the open bells of its users.</summary>
public sealed class InAppNotifier(INotificationStore store, NotificationSignal signal) : ITaskNotifier
{
    public async Task NotifyAsync(IReadOnlyList<TaskNotification> notifications, CancellationToken cancellationToken)
    {
        await store.AddAsync(notifications, cancellationToken);
        signal.Raise([.. notifications.Select(n => n.User).Distinct(StringComparer.OrdinalIgnoreCase)]);
    }
}
