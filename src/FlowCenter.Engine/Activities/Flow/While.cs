using FlowCenter.Engine.Json;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Activities.Flow;

/// <summary>Runs the path behind <c>iterate</c> again and again while its condition is true, checked before each iteration.</summary>
[Activity("While", Category = "Flow", DisplayName = "While", Description = "Repeats the iterate branch while a condition holds.", Ports = [Ports.Iterate, Ports.Done])]
public sealed class While : ILoopActivity
{
    public static readonly ActivityInput<bool> Condition = Inputs.Boolean("condition", "Checked before each iteration; usually an expression.", required: true);

    public static readonly ActivityInput<int> MaxIterations = Inputs.Integer("maxIterations", "A safety limit: the node fails when the loop runs this often.", 10_000);

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        context.State["count"] = 0;
        Next(context);
        return ValueTask.CompletedTask;
    }

    public ValueTask OnIterationCompletedAsync(ActivityContext context, LoopScope iteration)
    {
        Next(context);
        return ValueTask.CompletedTask;
    }

    private static void Next(ActivityContext context)
    {
        if (!context.Get(Condition))
        {
            context.Complete(Ports.Done);
            return;
        }

        var count = (int)JsonValues.NumberOf(context.State["count"]!);
        if (count >= context.Get(MaxIterations))
        {
            throw new ActivityException($"the loop ran {count} times, its maxIterations") { Code = "TooManyIterations" };
        }

        context.State["count"] = count + 1;
        context.BeginIteration(new() { ["index"] = count });
    }
}
