using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Connections;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Stores;

public sealed class EfWatermarkStore(FlowCenterDbContextFactory contexts) : IWatermarkStore
{
    public async Task<Watermark?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Watermarks.AsNoTracking().SingleOrDefaultAsync(w => w.Name == name, cancellationToken) is { } w
            ? new Watermark(w.Name, w.Value, w.ClaimedBy, w.ClaimFrom, w.UpdatedAt, w.Revision)
            : null;
    }

    public async Task<bool> TryAdvanceAsync(string name, long? expectedRevision, string? from, string value, string claimant, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        if (expectedRevision is null)
        {
            db.Watermarks.Add(new WatermarkRecord { Name = name, Value = value, ClaimFrom = from, ClaimedBy = claimant, UpdatedAt = at, Revision = 1 });
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

        // One statement, guarded by the revision read: of two runs reading the same batch, one moves it.
        var moved = await db.Watermarks
            .Where(w => w.Name == name && w.Revision == expectedRevision)
            .ExecuteUpdateAsync(w => w
                .SetProperty(x => x.Value, value)
                .SetProperty(x => x.ClaimFrom, from)
                .SetProperty(x => x.ClaimedBy, claimant)
                .SetProperty(x => x.UpdatedAt, at)
                .SetProperty(x => x.Revision, expectedRevision + 1), cancellationToken);
        return moved == 1;
    }

    public async Task ResetAsync(string name, string? value, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var record = await db.Watermarks.SingleOrDefaultAsync(w => w.Name == name, cancellationToken);
        if (record is null)
        {
            db.Watermarks.Add(new WatermarkRecord { Name = name, Value = value, UpdatedAt = at, Revision = 1 });
        }
        else
        {
            record.Value = value;
            record.ClaimedBy = null;
            record.ClaimFrom = null;
            record.UpdatedAt = at;
            record.Revision++;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
