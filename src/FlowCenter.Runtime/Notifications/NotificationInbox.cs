namespace FlowCenter.Runtime.Notifications;

/// <summary>
/// One person's bell, for the Studio and the API alike: their notifications, what counts as unread, marking read
/// and clearing; every change tells the person's open bells on this node (<see cref="NotificationSignal"/>).
/// A person only ever reaches their own.
/// </summary>
public sealed class NotificationInbox(INotificationStore store, NotificationSignal signal, TimeProvider clock)
{
    public Task<IReadOnlyList<InboxNotification>> ListAsync(string user, int take, CancellationToken cancellationToken = default) =>
        store.ListAsync(user, take, cancellationToken);

    public Task<int> UnreadCountAsync(string user, CancellationToken cancellationToken = default) => store.UnreadCountAsync(user, cancellationToken);

    public async Task MarkReadAsync(string user, long id, CancellationToken cancellationToken = default)
    {
        await store.MarkReadAsync(user, id, clock.GetUtcNow(), cancellationToken);
        signal.Raise([user]);
    }

    public async Task MarkAllReadAsync(string user, CancellationToken cancellationToken = default)
    {
        await store.MarkAllReadAsync(user, clock.GetUtcNow(), cancellationToken);
        signal.Raise([user]);
    }

    public async Task ClearAsync(string user, CancellationToken cancellationToken = default)
    {
        await store.ClearAsync(user, cancellationToken);
        signal.Raise([user]);
    }
}
