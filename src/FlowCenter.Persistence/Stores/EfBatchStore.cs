using FlowCenter.Engine.Execution;
using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Batches;
using FlowCenter.Runtime.Instances;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Stores;

public sealed class EfBatchStore(FlowCenterDbContextFactory contexts, IIdGenerator ids) : IBatchStore
{
    private const int Pending = (int)BatchItemOutcome.Pending;

    public async Task CreateAsync(BatchJob batch, IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Batches.Add(new BatchRecord
        {
            Id = batch.Id, Action = (int)batch.Action, Filter = batch.Filter, Reason = batch.Reason, RequestedBy = batch.RequestedBy,
            RequestedRoles = string.Join(',', batch.RequestedRoles), RequestedAt = batch.RequestedAt, Total = items.Count,
        });
        db.BatchItems.AddRange(items.Select((item, i) => new BatchItemRecord
        {
            BatchId = batch.Id, Position = i + 1, InstanceId = item.InstanceId, DefinitionId = item.DefinitionId, BusinessKey = item.BusinessKey, Outcome = Pending,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<BatchJob?> FindAsync(string batchId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken) is { } record ? ToBatch(record) : null;
    }

    public async Task<Page<BatchJob>> ListAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var total = await db.Batches.CountAsync(cancellationToken);
        var rows = await db.Batches.AsNoTracking().OrderByDescending(b => b.RequestedAt).ThenByDescending(b => b.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new Page<BatchJob>(rows.ConvertAll(ToBatch), total, skip, take);
    }

    public async Task<Page<BatchItem>> ItemsAsync(string batchId, BatchItemOutcome? outcome, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = db.BatchItems.AsNoTracking().Where(i => i.BatchId == batchId);
        if (outcome is { } wanted)
        {
            rows = rows.Where(i => i.Outcome == (int)wanted);
        }

        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderBy(i => i.Position).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new Page<BatchItem>(items.ConvertAll(i => new BatchItem(i.BatchId, i.InstanceId, (BatchItemOutcome)i.Outcome, i.Message, i.At) { DefinitionId = i.DefinitionId, BusinessKey = i.BusinessKey }), total, skip, take);
    }

    public async Task<IReadOnlyList<string>> UnfinishedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Batches.AsNoTracking().Where(b => b.FinishedAt == null).OrderBy(b => b.RequestedAt).Select(b => b.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ClaimAsync(string batchId, string claimant, int take, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var free = await db.BatchItems.AsNoTracking()
            .Where(i => i.BatchId == batchId && i.Outcome == Pending && (i.ClaimedUntil == null || i.ClaimedUntil < now))
            .OrderBy(i => i.Position).Select(i => i.Position).Take(take).ToListAsync(cancellationToken);
        if (free.Count == 0)
        {
            return [];
        }

        // One statement, guarded as the read was: of two nodes reading the same items, each item goes to one.
        var claim = $"{claimant}#{ids.NewId()}";
        await db.BatchItems
            .Where(i => i.BatchId == batchId && free.Contains(i.Position) && i.Outcome == Pending && (i.ClaimedUntil == null || i.ClaimedUntil < now))
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.ClaimedBy, claim).SetProperty(x => x.ClaimedUntil, until), cancellationToken);
        return await db.BatchItems.AsNoTracking().Where(i => i.BatchId == batchId && i.ClaimedBy == claim).OrderBy(i => i.Position).Select(i => i.InstanceId).ToListAsync(cancellationToken);
    }

    public async Task RecordAsync(string batchId, string instanceId, BatchItemOutcome outcome, string? message, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        message = message is { Length: > 1000 } ? message[..1000] : message;
        var changed = await db.BatchItems
            .Where(i => i.BatchId == batchId && i.InstanceId == instanceId && i.Outcome == Pending)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.Outcome, (int)outcome).SetProperty(x => x.Message, message).SetProperty(x => x.At, at), cancellationToken);
        if (changed == 0)
        {
            return;
        }

        var batch = db.Batches.Where(b => b.Id == batchId);
        _ = outcome switch
        {
            BatchItemOutcome.Done => await batch.ExecuteUpdateAsync(b => b.SetProperty(x => x.Done, x => x.Done + 1), cancellationToken),
            BatchItemOutcome.Skipped => await batch.ExecuteUpdateAsync(b => b.SetProperty(x => x.Skipped, x => x.Skipped + 1), cancellationToken),
            _ => await batch.ExecuteUpdateAsync(b => b.SetProperty(x => x.Failed, x => x.Failed + 1), cancellationToken),
        };
        if (!await db.BatchItems.AnyAsync(i => i.BatchId == batchId && i.Outcome == Pending, cancellationToken))
        {
            await batch.Where(b => b.FinishedAt == null).ExecuteUpdateAsync(b => b.SetProperty(x => x.FinishedAt, at), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static BatchJob ToBatch(BatchRecord b) => new(b.Id, (BatchAction)b.Action, b.Filter, b.RequestedBy, b.RequestedAt)
    {
        RequestedRoles = b.RequestedRoles.Split(',', StringSplitOptions.RemoveEmptyEntries), Reason = b.Reason,
        Total = b.Total, Done = b.Done, Skipped = b.Skipped, Failed = b.Failed, FinishedAt = b.FinishedAt,
    };
}
