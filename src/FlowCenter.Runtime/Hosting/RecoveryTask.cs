using FlowCenter.Engine.State;
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
    }
}
