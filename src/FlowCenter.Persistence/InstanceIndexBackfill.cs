using FlowCenter.Engine.State;
using FlowCenter.Persistence.Records;
using FlowCenter.Persistence.Stores;
using FlowCenter.Runtime.Instances;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence;

/// <summary>
/// Fills what lists filter and sort by for instances stored before it existed: the searchable copies of their
/// variables, their start in milliseconds and their duration. Runs once per database, after the migrations, in
/// batches; a watermark says it is done.
/// </summary>
internal static class InstanceIndexBackfill
{
    public const string Watermark = "instance-index-v1";

    private const int Batch = 500;

    public static async Task RunAsync(FlowCenterDbContextFactory contexts, CancellationToken cancellationToken)
    {
        await using (var check = contexts.CreateDbContext())
        {
            if (await check.Watermarks.AnyAsync(w => w.Name == Watermark, cancellationToken))
            {
                return;
            }
        }

        string? after = null;
        while (true)
        {
            await using var db = contexts.CreateDbContext();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rows = db.Instances.AsQueryable();
            if (after is not null)
            {
#pragma warning disable CA1309 // Translated to SQL: the same order as the OrderBy below, in the database.
                rows = rows.Where(i => string.Compare(i.Id, after) > 0);
#pragma warning restore CA1309
            }

            var batch = await rows.OrderBy(i => i.Id).Take(Batch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                db.Watermarks.Add(new WatermarkRecord { Name = Watermark, Value = "done", UpdatedAt = DateTimeOffset.UnixEpoch });
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
            }

            var ids = batch.ConvertAll(i => i.Id);
            await db.InstanceVariables.Where(v => ids.Contains(v.InstanceId)).ExecuteDeleteAsync(cancellationToken);
            foreach (var record in batch)
            {
                var instance = new WorkflowInstance { Id = record.Id };
                var live = InstanceTally.IsLiveStatus((WorkflowStatus)record.Status);
                InstanceState.Read(record.State, instance);
                db.InstanceVariables.AddRange(instance.Variables.Where(p => InstanceVariableRows.Searchable(p.Key))
                    .Select(p => InstanceVariableRows.Row(record.Id, p.Key, p.Value, live)));
                record.StartedMs = record.CreatedAt.ToUnixTimeMilliseconds();
                record.DurationMs = record.CompletedAt is { } end ? (long)(end - record.CreatedAt).TotalMilliseconds : null;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            after = ids[^1];
        }
    }
}
