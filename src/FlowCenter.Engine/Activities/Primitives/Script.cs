using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Expressions;

namespace FlowCenter.Engine.Activities.Primitives;

/// <summary>
/// Runs JavaScript statements. Workflow variables are globals: assigning one (or calling
/// <c>setVariable(name, value)</c>) changes it for the instance. <c>return</c> gives the result.
/// </summary>
[Activity("Script", Category = "Primitives", DisplayName = "Script", Description = "Runs JavaScript that reads and changes variables.")]
public sealed class Script : IActivity
{
    public static readonly ActivityInput<string?> Source = Inputs.Script("script", "JavaScript statements; variables are globals, return gives the result.");

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "A variable that receives the returned value.");

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        var result = context.Evaluate(WorkflowExpression.Js(context.Get(Source)!), ExpressionKind.Script);
        if (context.Get(ResultVariable) is { Length: > 0 } variable)
        {
            context.SetVariable(variable, result);
        }

        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }
}
