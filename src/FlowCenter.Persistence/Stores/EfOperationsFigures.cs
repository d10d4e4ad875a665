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
        var live = await db.Instances.AsNoTracking()
            .Where(i => i.Status == Running || i.Status == Waiting || i.Status == Suspended)
            .GroupBy(i => i.DefinitionId)
            .Select(g => new { Id = g.Key, Running = g.Count(), Incidents = g.Count(i => i.OpenIncidents > 0) })
            .ToListAsync(cancellationToken);
        var people = await db.TaskGroups.AsNoTracking()
            .Where(g => g.Status == OpenTasks)
            .GroupBy(g => g.DefinitionId)
            .Select(g => new { Id = g.Key, Count = g.Select(x => x.InstanceId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var since = dayStart < weekStart ? dayStart : weekStart;
        var ended = await db.Instances.AsNoTracking()
            .Where(i => i.CompletedAt >= since && i.Status == Completed)
            .Select(i => new { i.DefinitionId, i.CompletedAt, i.DurationMs })
            .ToListAsync(cancellationToken);

        var ids = live.Select(l => l.Id).Concat(people.Select(p => p.Id)).Concat(ended.Select(e => e.DefinitionId)).Distinct(StringComparer.Ordinal);
        return [.. ids.Select(id =>
        {
            var week = ended.Where(e => e.DefinitionId == id && e.CompletedAt >= weekStart && e.DurationMs is not null).Select(e => e.DurationMs!.Value).Order().ToList();
            var l = live.Find(x => x.Id == id);
            return new ProcessFigures(id)
            {
                Running = l?.Running ?? 0,
                OpenIncidents = l?.Incidents ?? 0,
                WaitingOnPeople = people.Find(p => p.Id == id)?.Count ?? 0,
                CompletedToday = ended.Count(e => e.DefinitionId == id && e.CompletedAt >= dayStart),
                CompletedWeek = week.Count,
                AverageCycle = week.Count == 0 ? null : TimeSpan.FromMilliseconds(week.Average()),
                P95Cycle = week.Count == 0 ? null : TimeSpan.FromMilliseconds(week[(int)Math.Ceiling(week.Count * 0.95) - 1]),
            };
        }).OrderBy(f => f.DefinitionId, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<ActivityBucket>> ActivityAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var started = await db.Instances.AsNoTracking().Where(i => i.CreatedAt >= from && i.CreatedAt <= to).Select(i => i.CreatedAt).ToListAsync(cancellationToken);
        var ended = await db.Instances.AsNoTracking()
            .Where(i => i.CompletedAt >= from && i.CompletedAt <= to && (i.Status == Completed || i.Status == Faulted))
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
