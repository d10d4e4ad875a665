using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Scheduling;

namespace FlowCenter.Runtime.Hosting;

/// <summary>
/// After a restart: re-arms every timer from the database, and finishes continuations a crash cut off
/// (children never started, parents never told that their child ended).
/// </summary>
public sealed class RecoveryTask(IInstanceStore instances, ITimerScheduler timers, IWorkflowRuntime runtime) : IStartupTask
{
    public int Order => 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var timer in await instances.FindTimedBookmarksAsync(cancellationToken))
        {
            timers.Schedule(timer.InstanceId, timer.BookmarkId, timer.DueAt!.Value);
        }

        await ContinuationRecovery.SweepAsync(instances, runtime, cancellationToken);
    }
}
