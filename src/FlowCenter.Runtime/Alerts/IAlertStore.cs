using FlowCenter.Runtime.Instances;

namespace FlowCenter.Runtime.Alerts;

/// <summary>Alert rules, their alerts, and the questions rules ask of the cases.</summary>
public interface IAlertStore
{
    Task<IReadOnlyList<AlertRule>> ListRulesAsync(CancellationToken cancellationToken = default);

    Task<AlertRule?> FindRuleAsync(string ruleId, CancellationToken cancellationToken = default);

    Task SaveRuleAsync(AlertRule rule, CancellationToken cancellationToken = default);

    /// <summary>Removes a rule; its alerts go with it.</summary>
    Task<bool> DeleteRuleAsync(string ruleId, CancellationToken cancellationToken = default);

    /// <summary>Alerts newest first, optionally in one state.</summary>
    Task<Page<Alert>> ListAlertsAsync(AlertState? state, int skip, int take, CancellationToken cancellationToken = default);

    Task<Alert?> FindAlertAsync(string alertId, CancellationToken cancellationToken = default);

    /// <summary>A rule's alerts that have not resolved (open or acknowledged).</summary>
    Task<IReadOnlyList<Alert>> UnresolvedAsync(string ruleId, CancellationToken cancellationToken = default);

    /// <summary>Adds an alert; false when the same occurrence was added by another evaluation first.</summary>
    Task<bool> TryAddAsync(Alert alert, CancellationToken cancellationToken = default);

    Task UpdateAsync(Alert alert, CancellationToken cancellationToken = default);

    /// <summary>Open incidents (of one process, at one step, or any), oldest first.</summary>
    Task<IReadOnlyList<AlertCondition>> OpenIncidentsAsync(string? definitionId, string? nodeId, int take, CancellationToken cancellationToken = default);

    /// <summary>Cases not ended that started before <paramref name="startedBefore"/>.</summary>
    Task<IReadOnlyList<AlertCondition>> RunningSinceAsync(string? definitionId, DateTimeOffset startedBefore, int take, CancellationToken cancellationToken = default);

    /// <summary>Steps of cases not ended that have been open (running or waiting) since before <paramref name="openBefore"/>.</summary>
    Task<IReadOnlyList<AlertCondition>> StuckStepsAsync(string? definitionId, string? nodeId, DateTimeOffset openBefore, int take, CancellationToken cancellationToken = default);

    /// <summary>Open people's steps past their due time at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<AlertCondition>> OverdueTasksAsync(string? definitionId, string? nodeId, DateTimeOffset now, int take, CancellationToken cancellationToken = default);

    /// <summary>Runs of a step that started since <paramref name="since"/>, and how many of them failed.</summary>
    Task<(int Runs, int Failed)> StepRunsAsync(string? definitionId, string nodeId, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Whether any case (of one process, or any) started since <paramref name="since"/>.</summary>
    Task<bool> AnyStartedSinceAsync(string? definitionId, DateTimeOffset since, CancellationToken cancellationToken = default);
}
