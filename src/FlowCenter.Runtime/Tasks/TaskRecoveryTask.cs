using FlowCenter.Engine.State;
using FlowCenter.Runtime.Hosting;
using FlowCenter.Runtime.Instances;

namespace FlowCenter.Runtime.Tasks;

/// <summary>At start-up: every waiting user task gets its inbox items, should the process have stopped before making them.</summary>
public sealed class TaskRecoveryTask(IInstanceStore instances, TaskService tasks) : IStartupTask
{
    public int Order => 250;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var instanceId in (await instances.FindBookmarksOfKindAsync(BookmarkKind.UserTask, cancellationToken)).Select(b => b.InstanceId).Distinct())
        {
            await tasks.CatchUpAsync(instanceId, cancellationToken);
        }
    }
}
