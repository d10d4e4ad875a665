using FlowCenter.Runtime.Hosting;

namespace FlowCenter.Runtime.Tasks;

/// <summary>
/// At start-up: every waiting user task without its inbox items (the process stopped in between) gets them, and
/// every step still open for a task its instance no longer waits at is closed, so that a case cancelled or moved
/// on just before a crash leaves nothing in anybody's inbox. Also run by the recovery sweep after the task service
/// failed to follow a commit while the process went on.
/// </summary>
public sealed class TaskRecoveryTask(ITaskStore store, TaskService tasks) : IStartupTask, Execution.ICommitCatchUp
{
    public int Order => 250;

    public Task RunAsync(CancellationToken cancellationToken) => CatchUpAllAsync(cancellationToken);

    public async Task CatchUpAllAsync(CancellationToken cancellationToken)
    {
        foreach (var instanceId in await store.FindInstancesWithTasksOutOfStepAsync(cancellationToken))
        {
            await tasks.CatchUpAsync(instanceId, cancellationToken);
        }
    }
}
