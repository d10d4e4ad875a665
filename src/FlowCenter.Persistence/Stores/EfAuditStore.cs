using System.Runtime.CompilerServices;
using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Audit;
using FlowCenter.Runtime.Instances;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Stores;

/// <summary>The audit log on the FlowCenter database: appended and read; only retention deletes.</summary>
public sealed class EfAuditStore(FlowCenterDbContextFactory contexts) : IAuditStore
{
    private const int Batch = 1000;

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        db.AuditLog.Add(new AuditRecord
        {
            At = entry.At.ToUniversalTime(), Actor = entry.Actor, Via = entry.Via, Action = entry.Action, Target = entry.Target, Address = entry.Address, Detail = entry.Detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Page<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = Filter(db, query);
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(a => a.Id).Skip(query.Skip).Take(query.Take).ToListAsync(cancellationToken);
        return new Page<AuditEntry>(page.ConvertAll(ToEntry), total, query.Skip, query.Take);
    }

    public async IAsyncEnumerable<AuditEntry> ReadAllAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = 0L;
        while (true)
        {
            List<AuditRecord> rows;
            await using (var db = contexts.CreateDbContext())
            {
                var from = after;
                rows = await Filter(db, query).Where(a => a.Id > from).OrderBy(a => a.Id).Take(Batch).ToListAsync(cancellationToken);
            }

            foreach (var row in rows)
            {
                yield return ToEntry(row);
            }

            if (rows.Count < Batch)
            {
                yield break;
            }

            after = rows[^1].Id;
        }
    }

    public async Task<int> RemoveOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var before = cutoff.ToUniversalTime();
        return await db.AuditLog.Where(a => a.At < before).ExecuteDeleteAsync(cancellationToken);
    }

    private static IQueryable<AuditRecord> Filter(FlowCenterDbContext db, AuditQuery query)
    {
        var rows = db.AuditLog.AsNoTracking();
        if (query.From is { } from)
        {
            var at = from.ToUniversalTime();
            rows = rows.Where(a => a.At >= at);
        }

        if (query.To is { } to)
        {
            var at = to.ToUniversalTime();
            rows = rows.Where(a => a.At < at);
        }

        if (query.Actor is { Length: > 0 } actor)
        {
            rows = rows.Where(a => a.Actor == actor);
        }

        if (query.Action is { Length: > 0 } action)
        {
            rows = action.EndsWith('.') ? rows.Where(a => a.Action.StartsWith(action)) : rows.Where(a => a.Action == action);
        }

        if (query.Text is { Length: > 0 } text)
        {
            rows = rows.Where(a => a.Target.Contains(text) || (a.Detail != null && a.Detail.Contains(text)));
        }

        return rows;
    }

    private static AuditEntry ToEntry(AuditRecord a) => new(a.At, a.Actor, a.Action, a.Target) { Id = a.Id, Via = a.Via, Address = a.Address, Detail = a.Detail };
}
