using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Activities.Flow;

[Activity("Start", Category = "Flow", DisplayName = "Start", Description = "Where an instance begins when it is started by hand, by the API or as a sub-process.", IsTrigger = true)]
public sealed class Start : IActivity
{
    public ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }
}
