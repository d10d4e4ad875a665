using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Notifications;
using FlowCenter.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Stores;

public sealed class EfNotificationStore(FlowCenterDbContextFactory contexts) : INotificationStore
{
    public async Task AddAsync(IReadOnlyList<TaskNotification> notifications, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        db.Notifications.AddRange(notifications.Select(n => new NotificationRecord
        {
            User = n.User, Kind = (int)n.Kind, Title = n.Title.Length > 300 ? n.Title[..300] : n.Title, Detail = n.Detail, InstanceId = n.InstanceId, ItemId = n.ItemId, At = n.At,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<InboxNotification>> ListAsync(string user, int take, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var pending = Pending(db);
        var rows = await db.Notifications.AsNoTracking().Where(n => n.User == user).OrderByDescending(n => n.Id).Take(take)
            .Select(n => new { Row = n, Settled = !pending.Any(i => i.Id == n.ItemId) && n.ItemId != null && (n.Kind == Assigned || n.Kind == Reminder || n.Kind == Overdue) })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new InboxNotification(r.Row.Id, r.Row.User, (TaskNotificationKind)r.Row.Kind, r.Row.Title, r.Row.InstanceId, r.Row.ItemId, r.Row.At)
        {
            Detail = r.Row.Detail, ReadAt = r.Row.ReadAt, Settled = r.Settled,
        });
    }

    public async Task<int> UnreadCountAsync(string user, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var pending = Pending(db);
        return await db.Notifications.CountAsync(
            n => n.User == user && n.ReadAt == null
                && (n.ItemId == null || !(n.Kind == Assigned || n.Kind == Reminder || n.Kind == Overdue) || pending.Any(i => i.Id == n.ItemId)),
            cancellationToken);
    }

    public async Task MarkAllReadAsync(string user, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await db.Notifications.Where(n => n.User == user && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, at), cancellationToken);
    }

    public async Task MarkReadAsync(string user, long id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await db.Notifications.Where(n => n.Id == id && n.User == user && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, at), cancellationToken);
    }

    public async Task ClearAsync(string user, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await db.Notifications.Where(n => n.User == user).ExecuteDeleteAsync(cancellationToken);
    }

    // Notifications of these kinds ask the person to act on a task; they are settled once it is no longer open.
    private const int Assigned = (int)TaskNotificationKind.Assigned;
    private const int Reminder = (int)TaskNotificationKind.Reminder;
    private const int Overdue = (int)TaskNotificationKind.Overdue;

    private static IQueryable<TaskItemRecord> Pending(FlowCenterDbContext db) =>
        db.TaskItems.Where(i => i.Status == (int)TaskItemStatus.Open || i.Status == (int)TaskItemStatus.Waiting);
}
