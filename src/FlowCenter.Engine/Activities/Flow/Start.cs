using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Activities.Flow;

[Activity("Start", Category = "Flow", DisplayName = "Start", Description = "Where an instance begins when it is started by hand, by the API or as a sub-process.", IsTrigger = true)]
public sealed class Start : IActivity
{
    /// <summary>The start form people fill in on the "New request" page; its values become the instance's input.</summary>
    public static readonly ActivityInput<JsonObject?> Form = Inputs.Object("form", "The start form of the New request page: { \"fields\": [ ... ] } as in a user task; its values become the input.", literalOnly: true);

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }
}
