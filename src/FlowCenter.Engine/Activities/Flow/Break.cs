namespace FlowCenter.Engine.Activities.Flow;

/// <summary>
/// Leaves the loop it is in (the nearest For each or While around it): the loop's other running iterations are
/// cancelled, no further one starts, and the loop goes on through its <c>done</c> port. Elsa's Break.
/// </summary>
[Activity("Break", Category = "Flow", DisplayName = "Leave loop", Description = "Stops the loop this step is in and continues after the loop; items not yet reached are skipped.", Ports = [])]
public sealed class Break : IActivity
{
    public ValueTask ExecuteAsync(ActivityContext context)
    {
        context.BreakLoop();
        return ValueTask.CompletedTask;
    }
}
