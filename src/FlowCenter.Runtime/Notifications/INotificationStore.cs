using FlowCenter.Runtime.Tasks;

namespace FlowCenter.Runtime.Notifications;

/// <summary>Where the in-app notifications are kept.</summary>
public interface INotificationStore
{
    Task AddAsync(IReadOnlyList<TaskNotification> notifications, CancellationToken cancellationToken = default);

    /// <summary>The user's newest notifications, read or not.</summary>
    Task<IReadOnlyList<InboxNotification>> ListAsync(string user, int take, CancellationToken cancellationToken = default);

    Task<int> UnreadCountAsync(string user, CancellationToken cancellationToken = default);

    Task MarkAllReadAsync(string user, DateTimeOffset at, CancellationToken cancellationToken = default);
}
