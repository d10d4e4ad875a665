using FlowCenter.Runtime.Tasks;

namespace FlowCenter.Runtime.Notifications;

/// <summary>Where the in-app notifications are kept.</summary>
public interface INotificationStore
{
    Task AddAsync(IReadOnlyList<TaskNotification> notifications, CancellationToken cancellationToken = default);

    /// <summary>The user's newest notifications, read or not, each saying whether its task was handled since.</summary>
    Task<IReadOnlyList<InboxNotification>> ListAsync(string user, int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// What the bell counts: notifications not read yet, leaving out those about a task that is no longer open (it
    /// was decided, by this person or another, transferred, timed out or cancelled), so handling the task clears it.
    /// </summary>
    Task<int> UnreadCountAsync(string user, CancellationToken cancellationToken = default);

    Task MarkAllReadAsync(string user, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Marks one of the user's notifications read; another person's id changes nothing.</summary>
    Task MarkReadAsync(string user, long id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Removes all the user's notifications (the tasks themselves stay in the inbox).</summary>
    Task ClearAsync(string user, CancellationToken cancellationToken = default);
}
