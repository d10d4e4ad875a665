using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Connections;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Stores;

public sealed class EfWatermarkStore(FlowCenterDbContextFactory contexts) : IWatermarkStore
{
    /// <summary>How long a run's claim is kept for the run to find again after a crash.</summary>
    public static readonly TimeSpan ClaimsKept = TimeSpan.FromDays(30);

    public async Task<Watermark?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Watermarks.AsNoTracking().SingleOrDefaultAsync(w => w.Name == name, cancellationToken) is { } w
            ? new Watermark(w.Name, w.Value, w.UpdatedAt, w.Revision)
            : null;
    }

    public async Task<WatermarkClaim?> FindClaimAsync(string name, string claimant, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.WatermarkClaims.AsNoTracking().SingleOrDefaultAsync(c => c.Name == name && c.Claimant == claimant, cancellationToken) is { } c
            ? new WatermarkClaim(c.Name, c.Claimant, c.From, c.To, c.ClaimedAt)
            : null;
    }

    public async Task<bool> TryAdvanceAsync(string name, long? expectedRevision, string? previous, string reached, string claimant, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (expectedRevision is null)
            {
                db.Watermarks.Add(new WatermarkRecord { Name = name, Value = reached, UpdatedAt = at, Revision = 1 });
            }
            else
            {
                // One statement, guarded by the revision read: of two runs reading the same batch, one moves it.
                var moved = await db.Watermarks
                    .Where(w => w.Name == name && w.Revision == expectedRevision)
                    .ExecuteUpdateAsync(w => w
                        .SetProperty(x => x.Value, reached)
                        .SetProperty(x => x.UpdatedAt, at)
                        .SetProperty(x => x.Revision, expectedRevision + 1), cancellationToken);
                if (moved == 0)
                {
                    return false;
                }
            }

            db.WatermarkClaims.Add(new WatermarkClaimRecord { Name = name, Claimant = claimant, From = previous, To = reached, ClaimedAt = at });
            var expired = at - ClaimsKept;
            await db.WatermarkClaims.Where(c => c.Name == name && c.ClaimedAt < expired).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return false; // created by another run meanwhile
        }
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
            record.UpdatedAt = at;
            record.Revision++;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
