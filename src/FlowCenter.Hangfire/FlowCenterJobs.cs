using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Scheduling;
using Hangfire;

namespace FlowCenter.Hangfire;

/// <summary>
/// The Hangfire jobs: each carries ids only and is re-entrant, since a job may run twice (a retry, a
/// re-armed timer after a restart); the runtime's exactly-once resume makes the second run a no-op.
/// </summary>
public sealed class FlowCenterJobs(IWorkflowRuntime runtime, IInstanceStore instances, ITimerScheduler timers, Runtime.Alerts.AlertEvaluator alerts)
{
    /// <summary>The recurring job that evaluates the alert rules.</summary>
    public const string AlertJobId = "flowcenter-alerts";

    /// <summary>Evaluates the alert rules: a recurring job, so it runs once per occurrence for the cluster, and never twice at once.</summary>
    [JobDisplayName("Alert rules")]
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public Task EvaluateAlertsAsync(CancellationToken cancellationToken) => alerts.EvaluateAsync(cancellationToken);

    /// <summary>Fires a timer; one that ran early (Hangfire schedules by the second) is scheduled again for its due time.</summary>
    [JobDisplayName("Timer {1} of {0}")]
    [AutomaticRetry(Attempts = 5)]
    public async Task FireTimerAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken)
    {
        if (await runtime.FireTimerAsync(instanceId, bookmarkId, cancellationToken) == ResumeOutcome.NotYetDue
            && (await instances.LoadAsync(instanceId, cancellationToken))?.Instance.Bookmarks.Find(b => b.Id == bookmarkId)?.DueAt is { } dueAt)
        {
            timers.Schedule(instanceId, bookmarkId, dueAt);
        }
    }

    [JobDisplayName("{0} of {1}")]
    [AutomaticRetry(Attempts = 5)]
    public Task RunContinuationAsync(ContinuationKind kind, string instanceId, string? bookmarkId, CancellationToken cancellationToken) =>
        runtime.RunContinuationAsync(new Continuation(kind, instanceId, bookmarkId), cancellationToken);

    [JobDisplayName("Scheduled start of {0} at {1}")]
    [AutomaticRetry(Attempts = 0)]
    public Task StartScheduledAsync(string definitionId, string triggerNodeId, CancellationToken cancellationToken) =>
        runtime.StartAsync(new StartRequest(definitionId) { TriggerNodeId = triggerNodeId, StartedBy = Runtime.Instances.Starter.Schedule }, cancellationToken);
}
