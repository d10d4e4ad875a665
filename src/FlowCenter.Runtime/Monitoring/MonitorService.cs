using FlowCenter.Runtime.Alerts;
using FlowCenter.Runtime.Cases;

namespace FlowCenter.Runtime.Monitoring;

/// <summary>The operators' home: figures per process, the recent activity, and what needs attention, for Operators and Administrators.</summary>
public sealed class MonitorService(IOperationsFigures figures, IAlertStore attention, TimeProvider clock)
{
    /// <summary>How long a step waits before the home lists it as needing attention (alert rules may say sooner).</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromDays(1);

    /// <summary>The most items the needs-attention list shows.</summary>
    public const int AttentionShown = 50;

    /// <param name="byDay">Activity per day over 14 days; otherwise per hour over 24 hours.</param>
    /// <param name="zone">Where "today" begins (the server's zone when none is given).</param>
    public async Task<OperatorOverview> OverviewAsync(bool byDay, Caller caller, TimeZoneInfo? zone = null, CancellationToken cancellationToken = default)
    {
        Require(caller);
        var now = clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, zone ?? TimeZoneInfo.Local);
        var dayStart = new DateTimeOffset(local.Date, local.Offset);
        var processes = await figures.ProcessFiguresAsync(dayStart, now - TimeSpan.FromDays(7), cancellationToken);

        var bucket = byDay ? TimeSpan.FromDays(1) : TimeSpan.FromHours(1);
        var first = byDay ? dayStart - TimeSpan.FromDays(13) : new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero) - TimeSpan.FromHours(23);
        var activity = await figures.ActivityAsync(first, now, bucket, cancellationToken);

        List<Attention> needs =
        [
            .. (await attention.OpenIncidentsAsync(null, null, AttentionShown, cancellationToken)).Select(c => Of(AttentionKind.Incident, c, now)),
            .. (await attention.StuckStepsAsync(null, null, now - StuckAfter, AttentionShown, cancellationToken)).Select(c => Of(AttentionKind.Stuck, c, now)),
            .. (await attention.OverdueTasksAsync(null, null, now, AttentionShown, cancellationToken)).Select(c => Of(AttentionKind.Overdue, c, now)),
        ];
        return new OperatorOverview(processes, activity, [.. needs.OrderBy(a => a.Since).Take(AttentionShown)]);
    }

    /// <summary>Where the cases of one process version stand now, per step (the diagram's counts).</summary>
    public async Task<IReadOnlyList<NodeStatistics>> NodeStatisticsAsync(string definitionId, int version, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        return await figures.NodeStatisticsAsync(definitionId, version, cancellationToken);
    }

    private static void Require(Caller caller) => caller.RequireOperator("the monitor is for Operators and Administrators");

    private static Attention Of(AttentionKind kind, AlertCondition condition, DateTimeOffset now) =>
        new(kind, condition.DefinitionId, condition.InstanceId, condition.NodeId, condition.Summary, condition.Since ?? now) { Facts = condition.Facts };
}
