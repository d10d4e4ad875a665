using FlowCenter.Engine.State;
using FlowCenter.Persistence.Records;
using FlowCenter.Persistence.Stores;
using FlowCenter.Runtime.Instances;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence;

/// <summary>
/// Fills what lists filter and sort by for instances stored before it existed: the searchable copies of their
/// variables, their start in milliseconds and their duration. Runs once per database, after the migrations, in
/// batches; a watermark says it is done. A second pass adds the rows of the values cases were started with to
/// databases filled before those were searchable.
/// </summary>
internal static class InstanceIndexBackfill
{
    public const string Watermark = "instance-index-v1";

    public const string InputsWatermark = "instance-index-inputs-v1";

    private const int Batch = 500;

    public static async Task RunAsync(FlowCenterDbContextFactory contexts, CancellationToken cancellationToken)
    {
        await PassAsync(contexts, Watermark, inputsOnly: false, cancellationToken);
        await PassAsync(contexts, InputsWatermark, inputsOnly: true, cancellationToken);
    }

    /// <param name="inputsOnly">Only the input rows are written again (the first pass wrote the rest).</param>
    private static async Task PassAsync(FlowCenterDbContextFactory contexts, string watermark, bool inputsOnly, CancellationToken cancellationToken)
    {
        await using (var check = contexts.CreateDbContext())
        {
            if (await check.Watermarks.AnyAsync(w => w.Name == watermark, cancellationToken))
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
                db.Watermarks.Add(new WatermarkRecord { Name = watermark, Value = "done", UpdatedAt = DateTimeOffset.UnixEpoch });
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
            }

            var ids = batch.ConvertAll(i => i.Id);
            // Written again whole, so that a row an up-to-date node wrote meanwhile cannot be there twice.
            var prefix = VariableCondition.InputPrefix;
            await db.InstanceVariables.Where(v => ids.Contains(v.InstanceId) && (!inputsOnly || v.Name.StartsWith(prefix))).ExecuteDeleteAsync(cancellationToken);
            foreach (var record in batch)
            {
                var instance = new WorkflowInstance { Id = record.Id };
                var live = InstanceTally.IsLiveStatus((WorkflowStatus)record.Status);
                InstanceState.Read(record.State, instance);
                db.InstanceVariables.AddRange(InstanceVariableRows.InputRows(record.Id, instance.Input, live));
                if (inputsOnly)
                {
                    continue;
                }

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
