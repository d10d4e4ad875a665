using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Activities.Flow;

/// <summary>Parallel split: every outgoing connection gets its own token. Port names only label the branches.</summary>
[Activity("Fork", Category = "Flow", DisplayName = "Fork", Description = "Starts every outgoing branch in parallel.", AnyPort = true)]
public sealed class Fork : IActivity
{
    public ValueTask ExecuteAsync(ActivityContext context)
    {
        foreach (var connection in context.Outgoing)
        {
            if (connection.SourcePort != Ports.Error)
            {
                context.Follow(connection);
            }
        }

        if (context.Followed.Count == 0)
        {
            context.EndPath();
        }

        return ValueTask.CompletedTask;
    }
}
