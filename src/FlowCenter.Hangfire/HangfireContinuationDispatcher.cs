using FlowCenter.Runtime.Scheduling;
using Hangfire;

namespace FlowCenter.Hangfire;

/// <summary>Continuations (start a child, tell a parent, cancel a child) as enqueued Hangfire jobs.</summary>
public sealed class HangfireContinuationDispatcher(IBackgroundJobClient jobs) : IContinuationDispatcher
{
    public void Dispatch(Continuation continuation) =>
        jobs.Enqueue<FlowCenterJobs>(j => j.RunContinuationAsync(continuation.Kind, continuation.InstanceId, continuation.BookmarkId, CancellationToken.None));
}
