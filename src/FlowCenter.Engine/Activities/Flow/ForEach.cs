using FlowCenter.Engine.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Activities.Flow;

/// <summary>
/// Runs the path behind <c>iterate</c> once per item, one after another or all in parallel.
/// Each iteration sees its item and index as local variables. An iteration ends when all its paths have
/// ended (at an End, a node without outgoing connections, or a connection back to this node).
/// </summary>
[Activity("ForEach", Category = "Flow", DisplayName = "For each", Description = "Runs the iterate branch for every item of a list, sequentially or in parallel.", Ports = [Ports.Iterate, Ports.Done])]
public sealed class ForEach : ILoopActivity
{
    public static readonly ActivityInput<JsonArray?> Items = Inputs.Array("items", "The list to go through.", required: true);

    public static readonly ActivityInput<string?> ItemVariable = Inputs.String("itemVariable", "The name of the current item in expressions.", defaultValue: "item");

    public static readonly ActivityInput<string?> IndexVariable = Inputs.String("indexVariable", "The name of the current index in expressions.", defaultValue: "index");

    public static readonly ActivityInput<bool> Parallel = Inputs.Boolean("parallel", "Run all iterations at once.", false);

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        var items = context.Get(Items) ?? [];
        if (items.Count == 0)
        {
            context.Complete(Ports.Done);
            return ValueTask.CompletedTask;
        }

        var state = context.State;
        state["items"] = items.DeepClone();
        state["item"] = context.Get(ItemVariable);
        state["index"] = context.Get(IndexVariable);
        if (context.Get(Parallel))
        {
            state["next"] = items.Count;
            for (var i = 0; i < items.Count; i++)
            {
                Begin(context, i);
            }
        }
        else
        {
            state["next"] = 1;
            Begin(context, 0);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnIterationCompletedAsync(ActivityContext context, LoopScope iteration)
    {
        var state = context.State;
        var next = (int)JsonValues.NumberOf(state["next"]!);
        if (next < state["items"]!.AsArray().Count)
        {
            state["next"] = next + 1;
            Begin(context, next);
        }
        else if (context.RunningIterations == 0)
        {
            context.Complete(Ports.Done);
        }

        return ValueTask.CompletedTask;
    }

    private static void Begin(ActivityContext context, int index)
    {
        var state = context.State;
        context.BeginIteration(new Dictionary<string, JsonNode?>
        {
            [state["item"]!.GetValue<string>()] = state["items"]![index]?.DeepClone(),
            [state["index"]!.GetValue<string>()] = index,
        });
    }
}
