using System.Globalization;
using FlowCenter.Engine.Execution;
using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Tasks;
using Microsoft.Extensions.Logging;

namespace FlowCenter.Runtime.Alerts;

/// <summary>
/// Evaluates every enabled rule: a condition seen for the first time opens an alert and tells the rule's people
/// once; an open alert is told again at the rule's reminder interval until someone acknowledges it; an alert
/// whose condition no longer holds resolves itself. Run by one scheduled job for the whole cluster; two runs at
/// once cannot open the same occurrence twice (the store refuses the second).
/// </summary>
public sealed partial class AlertEvaluator(IAlertStore store, IDirectory directory, Definitions.IDefinitionStore definitions, IEnumerable<ITaskNotifier> notifiers, IIdGenerator ids, TimeProvider clock, ILogger<AlertEvaluator> logger)
{
    /// <summary>The most conditions one rule reports per run: a storm is told as its first few hundred, not thousands.</summary>
    public const int MaxPerRule = 200;

    public async Task<AlertRun> EvaluateAsync(CancellationToken cancellationToken = default)
    {
        var opened = 0;
        var reminded = 0;
        var resolved = 0;
        foreach (var rule in (await store.ListRulesAsync(cancellationToken)).Where(r => r.Enabled))
        {
            try
            {
                var now = clock.GetUtcNow();
                var conditions = (await ConditionsAsync(rule, now, cancellationToken)).DistinctBy(c => c.Key).ToDictionary(c => c.Key, StringComparer.Ordinal);
                var unresolved = await store.UnresolvedAsync(rule.Id, cancellationToken);
                var toTell = new List<Alert>();
                foreach (var alert in unresolved)
                {
                    if (!conditions.Remove(alert.Key, out var still))
                    {
                        await store.UpdateAsync(alert with { State = AlertState.Resolved, ResolvedAt = now }, cancellationToken);
                        resolved++;
                    }
                    else if (alert.State == AlertState.Open && rule.RemindEvery is { } every && alert.LastNotifiedAt + every <= now)
                    {
                        var again = alert with { Summary = still.Summary, Facts = still.Facts, LastNotifiedAt = now, Notified = alert.Notified + 1 };
                        await store.UpdateAsync(again, cancellationToken);
                        toTell.Add(again);
                        reminded++;
                    }
                    else if (alert.Summary != still.Summary || alert.Facts != still.Facts)
                    {
                        await store.UpdateAsync(alert with { Summary = still.Summary, Facts = still.Facts }, cancellationToken);
                    }
                }

                foreach (var condition in conditions.Values)
                {
                    var alert = new Alert(ids.NewId(), rule.Id, condition.Key, now)
                    {
                        RuleName = rule.Name, Kind = rule.Kind, DefinitionId = condition.DefinitionId, InstanceId = condition.InstanceId, NodeId = condition.NodeId,
                        Summary = condition.Summary, Facts = condition.Facts, State = AlertState.Open, LastNotifiedAt = now, Notified = 1,
                    };
                    if (await store.TryAddAsync(alert, cancellationToken))
                    {
                        toTell.Add(alert);
                        opened++;
                    }
                }

                await TellAsync(rule, toTell, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One rule that cannot be evaluated (its process gone, a database hiccup) does not stop the others.
                LogRuleFailed(logger, ex, rule.Id);
            }
        }

        return new AlertRun(opened, reminded, resolved);
    }

    /// <summary>The process an alert names, to title it with the names the designer gave (its ids where the process is gone).</summary>
    private async Task<Engine.Definitions.WorkflowDefinition?> DefinitionOfAsync(string definitionId, CancellationToken cancellationToken)
    {
        var stored = await definitions.FindCurrentAsync(definitionId, cancellationToken) ?? await definitions.FindLatestAsync(definitionId, cancellationToken);
        return stored is null ? null : Definitions.DefinitionService.ParseStored(stored);
    }

    private async Task<IReadOnlyList<AlertCondition>> ConditionsAsync(AlertRule rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var threshold = rule.Threshold ?? TimeSpan.FromHours(1);
        switch (rule.Kind)
        {
            case AlertKind.IncidentOpened:
                return await store.OpenIncidentsAsync(rule.DefinitionId, rule.NodeId, MaxPerRule, cancellationToken);
            case AlertKind.InstanceTooLong:
                return await store.RunningSinceAsync(rule.DefinitionId, now - threshold, MaxPerRule, cancellationToken);
            case AlertKind.StepStuck:
                return await store.StuckStepsAsync(rule.DefinitionId, rule.NodeId, now - threshold, MaxPerRule, cancellationToken);
            case AlertKind.TaskOverdue:
                return await store.OverdueTasksAsync(rule.DefinitionId, rule.NodeId, now, MaxPerRule, cancellationToken);
            case AlertKind.FailureRate:
                var (runs, failed) = await store.StepRunsAsync(rule.DefinitionId, rule.NodeId!, now - threshold, cancellationToken);
                return runs >= Math.Max(1, rule.MinimumRuns) && failed * 100.0 / runs > (rule.Percent ?? 0)
                    ?
                    [
                        new AlertCondition($"rate:{rule.DefinitionId}:{rule.NodeId}", rule.DefinitionId, null, rule.NodeId, string.Create(CultureInfo.InvariantCulture, $"{failed} of {runs} runs failed ({failed * 100.0 / runs:0.#}%) since {now - threshold:u}"))
                        {
                            Facts = new AlertFacts { Since = now - threshold, Runs = runs, Failed = failed },
                        },
                    ]
                    : [];
            default:
                return await store.AnyStartedSinceAsync(rule.DefinitionId, now - threshold, cancellationToken)
                    ? []
                    :
                    [
                        new AlertCondition($"silent:{rule.DefinitionId}", rule.DefinitionId, null, null, string.Create(CultureInfo.InvariantCulture, $"no case started since {now - threshold:u}"))
                        {
                            Facts = new AlertFacts { Since = now - threshold },
                        },
                    ];
        }
    }

    /// <summary>Tells the rule's persons and the active holders of its roles (the operators when it names nobody), on every channel.</summary>
    private async Task TellAsync(AlertRule rule, List<Alert> alerts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (alerts.Count == 0)
        {
            return;
        }

        var people = await directory.ListUsersAsync(cancellationToken);
        var roles = rule.Users.Count == 0 && rule.Roles.Count == 0 ? [Roles.Operator] : rule.Roles;
        var users = people.Where(p => p.Active && (rule.Users.Contains(p.UserName, StringComparer.OrdinalIgnoreCase) || p.Roles.Any(r => roles.Contains(r, StringComparer.OrdinalIgnoreCase))))
            .Select(p => p.UserName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (users.Count == 0)
        {
            LogNobodyToTell(logger, rule.Id);
            return;
        }

        // A rule's alerts are mostly of one process: it is read once for all of them.
        var processes = new Dictionary<string, Engine.Definitions.WorkflowDefinition?>(StringComparer.Ordinal);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var alert in alerts)
        {
            var definition = alert.DefinitionId is not { } id ? null
                : processes.TryGetValue(id, out var known) ? known
                : processes[id] = await DefinitionOfAsync(id, cancellationToken);
            var step = alert.NodeId is null ? null : definition?.Nodes.Find(n => n.Id == alert.NodeId)?.Label ?? alert.NodeId;
            titles[alert.Id] = string.Join(" · ", new[] { rule.Name, definition?.Name ?? alert.DefinitionId, step }.Where(n => n is not null));
        }

        List<TaskNotification> notifications = [.. alerts.SelectMany(alert => users.Select(user =>
            new TaskNotification(user, TaskNotificationKind.Alert, titles[alert.Id], alert.InstanceId ?? "", alert.Id, now) { Detail = alert.Summary }))];
        foreach (var notifier in notifiers)
        {
            try
            {
                await notifier.NotifyAsync(notifications, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogNotifyFailed(logger, ex, notifier.GetType().Name, rule.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert rule {RuleId} could not be evaluated; the next run tries again")]
    private static partial void LogRuleFailed(ILogger logger, Exception exception, string ruleId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert rule {RuleId} has an alert and no active person to tell")]
    private static partial void LogNobodyToTell(ILogger logger, string ruleId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {Channel} could not tell the alert of rule {RuleId}")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string channel, string ruleId);
}
