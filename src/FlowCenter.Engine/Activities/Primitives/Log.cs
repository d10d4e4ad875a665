using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Activities.Primitives;

/// <summary>
/// Adds a line of text to a list variable (<c>log</c> unless named), so that the instance page shows what the
/// process wrote; Elsa's WriteLine becomes this step.
/// </summary>
[Activity("Log", Category = "Primitives", DisplayName = "Write to log", Description = "Adds a line of text to a list variable (log by default) that the instance page shows.")]
public sealed class Log : IActivity
{
    public const string DefaultVariable = "log";

    public static readonly ActivityInput<string?> Text = Inputs.String("text", "The line to write; an expression builds it from variables.", required: true);

    public static readonly ActivityInput<string?> Variable = Inputs.String("variable", "The list variable the line is added to.", defaultValue: DefaultVariable, literalOnly: true);

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        var name = context.Get(Variable) is { Length: > 0 } given ? given : DefaultVariable;
        var lines = context.GetVariable(name) is JsonArray existing ? (JsonArray)existing.DeepClone() : [];
        lines.Add(context.Get(Text) ?? "");
        context.SetVariable(name, lines);
        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }
}
