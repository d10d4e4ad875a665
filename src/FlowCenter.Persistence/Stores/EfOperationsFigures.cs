using FlowCenter.Engine.State;
using FlowCenter.Runtime.Monitoring;
using FlowCenter.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Stores;

/// <summary>
/// The operators' home as grouped queries, each bounded by what is live (running cases, open tasks) or by a time
/// window (today, 7 days, the chart's span) through an index, never by the whole history.
/// </summary>
public sealed class EfOperationsFigures(FlowCenterDbContextFactory contexts) : IOperationsFigures
{
    private const int Running = (int)WorkflowStatus.Running;
    private const int Waiting = (int)WorkflowStatus.Waiting;
    private const int Suspended = (int)WorkflowStatus.Suspended;
    private const int Completed = (int)WorkflowStatus.Completed;
    private const int Faulted = (int)WorkflowStatus.Faulted;
    private const int OpenTasks = (int)TaskGroupStatus.Open;

    public async Task<IReadOnlyList<ProcessFigures>> ProcessFiguresAsync(DateTimeOffset dayStart, DateTimeOffset weekStart, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();

        // What is live comes from the kept totals (a few rows per process), not from the instances.
        var live = (await db.InstanceCounts.AsNoTracking()
            .Where(c => c.Status == Running || c.Status == Waiting || c.Status == Suspended)
            .GroupBy(c => new { c.DefinitionId, c.Incidents })
            .Select(g => new { g.Key.DefinitionId, g.Key.Incidents, Count = g.Sum(c => c.Delta) })
            .ToListAsync(cancellationToken))
            .Where(c => c.Count != 0)
            .GroupBy(c => c.DefinitionId, StringComparer.Ordinal)
            .Select(g => new { Id = g.Key, Running = (int)g.Sum(c => c.Count), Incidents = (int)g.Where(c => c.Incidents == 1).Sum(c => c.Count) })
            .ToList();

        // Open groups only, through the index over open groups: the closed ones are the history.
        var people = await db.TaskGroups.AsNoTracking()
            .Where(g => g.Status == OpenTasks)
            .GroupBy(g => g.DefinitionId)
            .Select(g => new { Id = g.Key, Count = g.Select(x => x.InstanceId).Distinct().Count() })
            .ToListAsync(cancellationToken);

        // A window's figures grouped in the database by the process id as an expression ("id" || ''): grouped by
        // the bare column, SQLite's planner walks the index that yields rows in process order, which is the whole
        // history, instead of the window's own. For the same reason the status test is an expression (+ 0).
        var since = dayStart < weekStart ? dayStart : weekStart;
        var until = since.AddDays(15); // a two-sided window: a planner weighs it as narrow, as it is
        var ended = await db.Instances.AsNoTracking()
            .Where(i => i.CompletedAt >= since && i.CompletedAt < until && i.Status + 0 == Completed)
            .GroupBy(i => i.DefinitionId + "")
            .Select(g => new
            {
                Id = g.Key,
                Today = g.Count(i => i.CompletedAt >= dayStart),
                Week = g.Count(i => i.CompletedAt >= weekStart && i.DurationMs != null),
                Average = g.Where(i => i.CompletedAt >= weekStart).Average(i => (double?)i.DurationMs),
            })
            .ToListAsync(cancellationToken);

        // The 95th percentile: one row of each process's week ordered by duration, the duration as an expression
        // (+ 0): ordered by the bare column, the planner walks the (status, duration) index through all history.
        var p95 = new Dictionary<string, long?>(StringComparer.Ordinal);
        foreach (var process in ended.Where(e => e.Week > 0))
        {
            p95[process.Id] = await db.Instances.AsNoTracking()
                .Where(i => i.CompletedAt >= weekStart && i.CompletedAt < until && i.Status + 0 == Completed && i.DurationMs != null && i.DefinitionId + "" == process.Id)
                .OrderBy(i => i.DurationMs + 0).Skip((int)Math.Ceiling(process.Week * 0.95) - 1).Select(i => i.DurationMs).FirstOrDefaultAsync(cancellationToken);
        }

        var ids = live.Select(l => l.Id).Concat(people.Select(p => p.Id)).Concat(ended.Select(e => e.Id)).Distinct(StringComparer.Ordinal);
        return [.. ids.Select(id =>
        {
            var l = live.Find(x => x.Id == id);
            var e = ended.Find(x => x.Id == id);
            return new ProcessFigures(id)
            {
                Running = l?.Running ?? 0,
                OpenIncidents = l?.Incidents ?? 0,
                WaitingOnPeople = people.Find(p => p.Id == id)?.Count ?? 0,
                CompletedToday = e?.Today ?? 0,
                CompletedWeek = e?.Week ?? 0,
                AverageCycle = e is { Week: > 0, Average: { } average } ? TimeSpan.FromMilliseconds(average) : null,
                P95Cycle = p95.GetValueOrDefault(id) is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            };
        }).OrderBy(f => f.DefinitionId, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<NodeStatistics>> NodeStatisticsAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        // Open steps of the version's live cases, as "exists": both sides are bounded by what is live (the open
        // entries' index; the version's live cases through the (process, version, status) index), so neither
        // planner reads the version's history, whichever side it starts from.
        var active = await db.Journal.AsNoTracking()
            .Where(entry => entry.CompletedAt == null && db.Instances.Any(instance => instance.Id == entry.InstanceId
                && instance.DefinitionId == definitionId && instance.DefinitionVersion == version
                && (instance.Status == Running || instance.Status == Waiting || instance.Status == Suspended)))
            .GroupBy(entry => entry.NodeId)
            .Select(g => new { NodeId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var incidents = await (from incident in db.Incidents.AsNoTracking()
                               where incident.ResolvedAt == null
                               join instance in db.Instances.AsNoTracking() on incident.InstanceId equals instance.Id
                               where instance.DefinitionId == definitionId && instance.DefinitionVersion == version
                               group incident by incident.NodeId into g
                               select new { NodeId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return [.. active.Select(a => a.NodeId).Union(incidents.Select(i => i.NodeId)).Order(StringComparer.Ordinal)
            .Select(node => new NodeStatistics(node, active.Find(a => a.NodeId == node)?.Count ?? 0, incidents.Find(i => i.NodeId == node)?.Count ?? 0))];
    }

    public async Task<IReadOnlyList<ActivityBucket>> ActivityAsync(DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var count = Math.Max(1, (int)Math.Ceiling((until - since) / bucket));
        var (fromMs, toMs, bucketMs) = (since.ToUnixTimeMilliseconds(), until.ToUnixTimeMilliseconds(), (long)bucket.TotalMilliseconds);

        // Counted per bucket in the database (a row per bucket leaves it), over the start's and the end's indexes.
        var started = await db.Instances.AsNoTracking()
            .Where(i => i.StartedMs >= fromMs && i.StartedMs <= toMs)
            .GroupBy(i => (i.StartedMs - fromMs) / bucketMs)
            .Select(g => new { Bucket = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var ended = await db.Instances.AsNoTracking()
            .Where(i => i.CompletedAt >= since && i.CompletedAt <= until && (i.Status + 0 == Completed || i.Status + 0 == Faulted) && i.DurationMs != null)
            .GroupBy(i => new { Bucket = (i.StartedMs + i.DurationMs!.Value - fromMs) / bucketMs, i.Status })
            .Select(g => new { g.Key.Bucket, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var buckets = Enumerable.Range(0, count).Select(i => (Started: 0, Completed: 0, Faulted: 0)).ToArray();
        int Index(long at) => (int)Math.Clamp(at, 0, count - 1);
        foreach (var s in started)
        {
            buckets[Index(s.Bucket)].Started += s.Count;
        }

        foreach (var e in ended)
        {
            if (e.Status == Completed)
            {
                buckets[Index(e.Bucket)].Completed += e.Count;
            }
            else
            {
                buckets[Index(e.Bucket)].Faulted += e.Count;
            }
        }

        return [.. buckets.Select((b, i) => new ActivityBucket(since + (bucket * i), b.Started, b.Completed, b.Faulted))];
    }
}
