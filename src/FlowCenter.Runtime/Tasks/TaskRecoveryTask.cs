using FlowCenter.Runtime.Hosting;

namespace FlowCenter.Runtime.Tasks;

/// <summary>At start-up: every waiting user task without its inbox items (the process stopped in between) gets them.</summary>
public sealed class TaskRecoveryTask(ITaskStore store, TaskService tasks) : IStartupTask
{
    public int Order => 250;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var instanceId in await store.FindInstancesWithTasksMissingAsync(cancellationToken))
        {
            await tasks.CatchUpAsync(instanceId, cancellationToken);
        }
    }
}
