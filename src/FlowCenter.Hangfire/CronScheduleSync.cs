using FlowCenter.Engine.Contracts;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Hosting;
using FlowCenter.Engine.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;

namespace FlowCenter.Hangfire;

/// <summary>
/// Keeps one recurring Hangfire job per cron trigger of each current definition version: at start-up and
/// whenever a version is published or retracted. A schedule the scheduler cannot read (stored before its check
/// existed, a time zone this machine lacks) is left out and logged: it never stops the others or the server.
/// </summary>
public sealed partial class CronScheduleSync(IDefinitionStore definitions, IRecurringJobManager recurring, JobStorage storage, ILogger<CronScheduleSync> logger) : IStartupTask, IDefinitionChangeHandler
{
    private const string Prefix = "cron:";

    public int Order => 300;

    public async Task RunAsync(CancellationToken cancellationToken) => await SyncAsync(null, cancellationToken);

    public Task CurrentVersionChangedAsync(string definitionId, CancellationToken cancellationToken) => SyncAsync(definitionId, cancellationToken);

    public static string JobId(string definitionId, string nodeId) => $"{Prefix}{definitionId}:{nodeId}";

    private async Task SyncAsync(string? definitionId, CancellationToken cancellationToken)
    {
        var wanted = (await definitions.FindTriggersAsync(TriggerKind.Cron, null, cancellationToken))
            .Where(t => definitionId is null || t.DefinitionId == definitionId)
            .ToDictionary(t => JobId(t.DefinitionId, t.NodeId));
        foreach (var (id, trigger) in wanted)
        {
            if ((CronSyntax.Check(trigger.Value) ?? CronSyntax.CheckTimeZone(trigger.TimeZone)) is { } problem)
            {
                LogUnschedulable(logger, trigger.DefinitionId, trigger.NodeId, problem);
                recurring.RemoveIfExists(id); // not the previous version's schedule either
                continue;
            }

            recurring.AddOrUpdate<FlowCenterJobs>(
                id,
                j => j.StartScheduledAsync(trigger.DefinitionId, trigger.NodeId, CancellationToken.None),
                trigger.Value,
                new RecurringJobOptions { TimeZone = trigger.TimeZone is { Length: > 0 } zone ? TimeZoneInfo.FindSystemTimeZoneById(zone) : TimeZoneInfo.Utc });
        }

        using var connection = storage.GetConnection();
        var stale = connection.GetRecurringJobs()
            .Select(j => j.Id)
            .Where(id => id.StartsWith(Prefix, StringComparison.Ordinal)
                && (definitionId is null || id.StartsWith(JobId(definitionId, ""), StringComparison.Ordinal))
                && !wanted.ContainsKey(id));
        foreach (var id in stale.ToList())
        {
            recurring.RemoveIfExists(id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The schedule of {DefinitionId} at {NodeId} is left out: {Problem}")]
    private static partial void LogUnschedulable(ILogger logger, string definitionId, string nodeId, string problem);
}
