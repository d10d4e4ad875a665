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

        // Grouped in the database, by the process id as an expression ("id" || ''): grouped by the bare column,
        // SQLite's planner walks the index that yields rows in process order, which is the whole history, instead
        // of the live rows' or the window's own index. So only a row per process leaves the database. For the same
        // reason a window's status test is an expression (+ 0): "status = completed" is the whole history too.
        var live = await db.Instances.AsNoTracking()
            .Where(i => i.Status == Running || i.Status == Waiting || i.Status == Suspended)
            .GroupBy(i => i.DefinitionId + "")
            .Select(g => new { Id = g.Key, Running = g.Count(), Incidents = g.Count(i => i.OpenIncidents > 0) })
            .ToListAsync(cancellationToken);
        var people = await db.TaskGroups.AsNoTracking()
            .Where(g => g.Status == OpenTasks)
            .GroupBy(g => g.DefinitionId + "")
            .Select(g => new { Id = g.Key, Count = g.Select(x => x.InstanceId).Distinct().Count() })
            .ToListAsync(cancellationToken);
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
        var active = await (from entry in db.Journal.AsNoTracking()
                            where entry.CompletedAt == null
                            join instance in db.Instances.AsNoTracking() on entry.InstanceId equals instance.Id
                            where instance.DefinitionId == definitionId && instance.DefinitionVersion == version
                            group entry by entry.NodeId into g
                            select new { NodeId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var incidents = await (from incident in db.Incidents.AsNoTracking()
                               where incident.ResolvedAt == null
                               join instance in db.Instances.AsNoTracking() on incident.InstanceId equals instance.Id
                               where instance.DefinitionId == definitionId && instance.DefinitionVersion == version
                               group incident by incident.NodeId into g
                               select new { NodeId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return [.. active.Select(a => a.NodeId).Union(incidents.Select(i => i.NodeId)).Order(StringComparer.Ordinal)
            .Select(node => new NodeStatistics(node, active.Find(a => a.NodeId == node)?.Count ?? 0, incidents.Find(i => i.NodeId == node)?.Count ?? 0))];
    }

    public async Task<IReadOnlyList<ActivityBucket>> ActivityAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var started = await db.Instances.AsNoTracking().Where(i => i.CreatedAt >= from && i.CreatedAt <= to).Select(i => i.CreatedAt).ToListAsync(cancellationToken);
        var ended = await db.Instances.AsNoTracking()
            .Where(i => i.CompletedAt >= from && i.CompletedAt <= to && (i.Status + 0 == Completed || i.Status + 0 == Faulted))
            .Select(i => new { At = i.CompletedAt!.Value, i.Status })
            .ToListAsync(cancellationToken);
        var count = Math.Max(1, (int)Math.Ceiling((to - from) / bucket));
        int Index(DateTimeOffset at) => Math.Clamp((int)((at - from) / bucket), 0, count - 1);
        var buckets = Enumerable.Range(0, count).Select(i => (Started: 0, Completed: 0, Faulted: 0)).ToArray();
        foreach (var at in started)
        {
            buckets[Index(at)].Started++;
        }

        foreach (var end in ended)
        {
            if (end.Status == Completed)
            {
                buckets[Index(end.At)].Completed++;
            }
            else
            {
                buckets[Index(end.At)].Faulted++;
            }
        }

        return [.. buckets.Select((b, i) => new ActivityBucket(from + (bucket * i), b.Started, b.Completed, b.Faulted))];
    }
}
