using FlowCenter.Runtime.Scheduling;
using Hangfire;

namespace FlowCenter.Hangfire;

/// <summary>
/// Timers as scheduled Hangfire jobs; Hangfire spreads them over every server node. Hangfire keeps due
/// times in whole seconds, so they are rounded up: a timer never fires before it is due.
/// </summary>
public sealed class HangfireTimerScheduler(IBackgroundJobClient jobs) : ITimerScheduler
{
    public void Schedule(string instanceId, string bookmarkId, DateTimeOffset dueAt) =>
        jobs.Schedule<FlowCenterJobs>(j => j.FireTimerAsync(instanceId, bookmarkId, CancellationToken.None), RoundUpToSecond(dueAt));

    public static DateTimeOffset RoundUpToSecond(DateTimeOffset moment)
    {
        var remainder = moment.UtcTicks % TimeSpan.TicksPerSecond;
        return remainder == 0 ? moment : moment.AddTicks(TimeSpan.TicksPerSecond - remainder);
    }
}
