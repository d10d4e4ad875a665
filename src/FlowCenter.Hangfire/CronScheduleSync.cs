using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Hosting;
using Hangfire;
using Hangfire.Storage;

namespace FlowCenter.Hangfire;

/// <summary>
/// Keeps one recurring Hangfire job per cron trigger of each current definition version: at start-up and
/// whenever a version is published or retracted.
/// </summary>
public sealed class CronScheduleSync(IDefinitionStore definitions, IRecurringJobManager recurring, JobStorage storage) : IStartupTask, IDefinitionChangeHandler
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
}
