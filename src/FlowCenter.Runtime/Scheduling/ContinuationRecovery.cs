using FlowCenter.Engine.State;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Instances;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlowCenter.Runtime.Scheduling;

/// <summary>
/// Finishes the continuations that did not happen: children never started, parents never told that their child
/// ended, and what a commit observer missed (<see cref="ICommitCatchUp"/>: inboxes behind their instances). At start-up (a crash cut them off) and, once the runtime could not hand one over (the database or the
/// job store was down), every few seconds until a sweep succeeds, so that the server recovers without a restart.
/// </summary>
public sealed partial class ContinuationRecovery(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ContinuationRecovery> logger) : BackgroundService
{
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(5);

    private volatile bool _needed;

    /// <summary>A continuation may be missing: sweep at the next tick.</summary>
    public void Needed() => _needed = true;

    /// <summary>Runs every continuation the stored sub-process links and the undelivered published events still owe.</summary>
    public static async Task SweepAsync(IInstanceStore instances, IWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        foreach (var link in await instances.FindSubProcessLinksAsync(cancellationToken))
        {
            if (link.ChildInstanceId is null)
            {
                await runtime.RunContinuationAsync(new Continuation(ContinuationKind.StartChild, link.ParentInstanceId, link.BookmarkId), cancellationToken);
            }
            else if (link.ChildStatus is WorkflowStatus.Completed or WorkflowStatus.Faulted or WorkflowStatus.Cancelled)
            {
                await runtime.RunContinuationAsync(new Continuation(ContinuationKind.NotifyParent, link.ChildInstanceId), cancellationToken);
            }
        }

        foreach (var published in await instances.FindPublishBookmarksAsync(cancellationToken))
        {
            await runtime.RunContinuationAsync(new Continuation(ContinuationKind.Publish, published.InstanceId, published.BookmarkId), cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!_needed)
            {
                continue;
            }

            _needed = false;
            try
            {
                using var scope = scopes.CreateScope();
                await SweepAsync(scope.ServiceProvider.GetRequiredService<IInstanceStore>(), scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>(), stoppingToken);
                foreach (var catchUp in scope.ServiceProvider.GetServices<ICommitCatchUp>())
                {
                    await catchUp.CatchUpAllAsync(stoppingToken);
                }
                LogSwept(logger);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _needed = true;
                LogSweepFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Continuations left over after a failed hand-over were run")]
    private static partial void LogSwept(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Running left-over continuations failed; trying again shortly")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
