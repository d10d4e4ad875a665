using FlowCenter.Runtime.Hosting;
using Hangfire;
using Microsoft.Extensions.Options;

namespace FlowCenter.Hangfire;

/// <summary>Registers the recurring job that evaluates the alert rules (every node registers the same job id; Hangfire runs it once per occurrence).</summary>
public sealed class AlertSchedule(IRecurringJobManager recurring, IOptions<FlowCenterHangfireOptions> options) : IStartupTask
{
    public int Order => 310;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<FlowCenterJobs>(FlowCenterJobs.AlertJobId, j => j.EvaluateAlertsAsync(CancellationToken.None), options.Value.AlertSchedule, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }
}
