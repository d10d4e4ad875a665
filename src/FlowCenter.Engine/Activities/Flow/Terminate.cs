namespace FlowCenter.Engine.Activities.Flow;

[Activity("Terminate", Category = "Flow", DisplayName = "Terminate", Description = "Completes the instance at once, cancelling every other path and wait.", Ports = [])]
public sealed class Terminate : IActivity
{
    public ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Terminate();
        return ValueTask.CompletedTask;
    }
}
