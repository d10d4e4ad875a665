namespace FlowCenter.Engine.Activities.Flow;

[Activity("End", Category = "Flow", DisplayName = "End", Description = "Ends this path. The instance completes when no path is left.", Ports = [])]
public sealed class End : IActivity
{
    public ValueTask ExecuteAsync(ActivityContext context)
    {
        context.EndPath();
        return ValueTask.CompletedTask;
    }
}
