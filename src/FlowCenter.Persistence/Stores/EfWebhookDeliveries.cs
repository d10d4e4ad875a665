using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Connections;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Stores;

public sealed class EfWebhookDeliveries(FlowCenterDbContextFactory contexts) : IWebhookDeliveries
{
    public async Task<bool> TryRecordAsync(string connection, string deliveryId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        db.WebhookDeliveries.Add(new WebhookDeliveryRecord { Connection = connection, DeliveryId = deliveryId, ReceivedAt = at });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task ForgetAsync(string connection, string deliveryId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await db.WebhookDeliveries.Where(d => d.Connection == connection && d.DeliveryId == deliveryId).ExecuteDeleteAsync(cancellationToken);
    }
}
