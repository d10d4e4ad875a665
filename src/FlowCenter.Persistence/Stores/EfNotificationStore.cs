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
        var rows = await db.Notifications.AsNoTracking().Where(n => n.User == user).OrderByDescending(n => n.Id).Take(take).ToListAsync(cancellationToken);
        return rows.ConvertAll(n => new InboxNotification(n.Id, n.User, (TaskNotificationKind)n.Kind, n.Title, n.InstanceId, n.ItemId, n.At) { Detail = n.Detail, ReadAt = n.ReadAt });
    }

    public async Task<int> UnreadCountAsync(string user, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Notifications.CountAsync(n => n.User == user && n.ReadAt == null, cancellationToken);
    }

    public async Task MarkAllReadAsync(string user, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await db.Notifications.Where(n => n.User == user && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, at), cancellationToken);
    }
}
