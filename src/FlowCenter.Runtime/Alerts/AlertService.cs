using FlowCenter.Engine.Execution;
using FlowCenter.Runtime.Audit;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Instances;

namespace FlowCenter.Runtime.Alerts;

/// <summary>
/// Alert rules and alerts for operators, for the Studio and the API alike: every call checks the caller here
/// (Operators and Administrators), rule changes and acknowledgements go to the audit log.
/// </summary>
public sealed class AlertService(IAlertStore store, AlertEvaluator evaluator, AuditTrail audit, IIdGenerator ids, TimeProvider clock)
{
    public async Task<IReadOnlyList<AlertRule>> ListRulesAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        return await store.ListRulesAsync(cancellationToken);
    }

    /// <summary>
    /// Saves a rule (a new one when its id is empty) after checking it: a name, a target or window of at least a
    /// second where the kind needs one, a step and a share from 0 up to 100 for a failure rate.
    /// </summary>
    public async Task<AlertRule> SaveRuleAsync(AlertRule rule, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        if (string.IsNullOrWhiteSpace(rule.Name))
        {
            throw new ArgumentException("An alert rule needs a name.");
        }

        if (!Enum.IsDefined(rule.Kind))
        {
            throw new ArgumentException($"Unknown alert kind '{rule.Kind}'; use {string.Join(", ", Enum.GetNames<AlertKind>())}.");
        }

        if ((rule.Kind is AlertKind.InstanceTooLong or AlertKind.StepStuck or AlertKind.FailureRate or AlertKind.NoStart) && rule.Threshold is not { TotalSeconds: >= 1 })
        {
            throw new ArgumentException($"A rule of kind {rule.Kind} needs a target or window of at least one second.");
        }

        if (rule.Kind == AlertKind.FailureRate && (string.IsNullOrWhiteSpace(rule.NodeId) || rule.Percent is not (>= 0 and < 100)))
        {
            throw new ArgumentException("A failure-rate rule needs the step to watch and a share from 0 up to 100 percent.");
        }

        if (rule.RemindEvery is { TotalSeconds: < 1 })
        {
            throw new ArgumentException("A reminder interval must be at least one second.");
        }

        var saved = rule with
        {
            Id = string.IsNullOrWhiteSpace(rule.Id) ? ids.NewId() : rule.Id,
            Name = rule.Name.Trim(),
            DefinitionId = string.IsNullOrWhiteSpace(rule.DefinitionId) ? null : rule.DefinitionId.Trim(),
            NodeId = string.IsNullOrWhiteSpace(rule.NodeId) ? null : rule.NodeId.Trim(),
            Users = [.. rule.Users.Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            Roles = [.. rule.Roles.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            MinimumRuns = Math.Max(1, rule.MinimumRuns),
            UpdatedBy = caller.UserName,
            UpdatedAt = clock.GetUtcNow(),
        };
        await store.SaveRuleAsync(saved, cancellationToken);
        await audit.RecordAsync(AuditActions.AlertRuleSaved, "alert-rule:" + saved.Id, $"{saved.Name} ({saved.Kind}{(saved.DefinitionId is null ? "" : " · " + saved.DefinitionId)}{(saved.Enabled ? "" : " · off")})", cancellationToken);
        return saved;
    }

    public async Task<bool> DeleteRuleAsync(string ruleId, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        var deleted = await store.DeleteRuleAsync(ruleId, cancellationToken);
        if (deleted)
        {
            await audit.RecordAsync(AuditActions.AlertRuleDeleted, "alert-rule:" + ruleId, null, cancellationToken);
        }

        return deleted;
    }

    public async Task<Page<Alert>> ListAlertsAsync(AlertState? state, int skip, int take, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        return await store.ListAlertsAsync(state, Math.Max(0, skip), Math.Clamp(take, 1, InstanceFilterText.MaxTake), cancellationToken);
    }

    /// <summary>Someone takes care of it: no more reminders; it still resolves itself when its condition clears.</summary>
    public async Task<Alert> AcknowledgeAsync(string alertId, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        var alert = await store.FindAlertAsync(alertId, cancellationToken) ?? throw new KeyNotFoundException($"No alert '{alertId}'.");
        if (alert.State != AlertState.Open)
        {
            throw new InvalidOperationException($"Alert '{alertId}' is {alert.State.ToString().ToLowerInvariant()} already.");
        }

        var acknowledged = alert with { State = AlertState.Acknowledged, AcknowledgedBy = caller.UserName, AcknowledgedAt = clock.GetUtcNow() };
        await store.UpdateAsync(acknowledged, cancellationToken);
        await audit.RecordAsync(AuditActions.AlertAcknowledged, "alert:" + alertId, alert.RuleName, cancellationToken);
        return acknowledged;
    }

    /// <summary>Evaluates the rules now (the scheduled job does the same every minute).</summary>
    public async Task<AlertRun> EvaluateNowAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        return await evaluator.EvaluateAsync(cancellationToken);
    }

    private static void Require(Caller caller) => caller.RequireOperator("alerts are for Operators and Administrators");
}
