using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Expressions;
using FlowCenter.Engine.Json;
using FlowCenter.Engine.Validation;

namespace FlowCenter.Engine.Activities.Flow;

/// <summary>
/// Named cases, each with a condition; every case is a port. Mode <c>first</c> takes the first true case,
/// <c>all</c> every true case; with none true the <c>default</c> port is taken.
/// </summary>
[Activity("Switch", Category = "Flow", DisplayName = "Switch", Description = "Routes by named cases, each with a condition, plus a default.")]
public sealed class Switch : IActivity, IPortProvider, INodeValidator
{
    public static readonly ActivityInput<JsonArray?> Cases = new("cases", DataType.Array, static v => v as JsonArray)
    {
        Description = "A list of { \"name\": ..., \"condition\": \"JavaScript\" }; each name is a port.",
        Required = true,
        LiteralOnly = true,
    };

    public static readonly ActivityInput<string?> Mode = Inputs.String("mode", "first: the first true case; all: every true case.", defaultValue: "first", choices: ["first", "all"]);

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        var all = context.Get(Mode) == "all";
        foreach (var (name, condition) in Read(context.Node))
        {
            if (context.IsTrue(WorkflowExpression.Js(condition)))
            {
                context.Complete(name);
                if (!all)
                {
                    return ValueTask.CompletedTask;
                }
            }
        }

        if (context.ChosenPorts.Count == 0)
        {
            context.Complete(Ports.Default);
        }

        return ValueTask.CompletedTask;
    }

    public IEnumerable<string> GetPorts(NodeDefinition node) => Read(node).Select(c => c.Name).Append(Ports.Default);

    public void Validate(NodeValidationContext context)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in CaseNodes(context.Node))
        {
            var name = JsonValues.ToText(item?["name"]);
            var condition = JsonValues.ToText(item?["condition"]);
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(condition))
            {
                context.Error(ProblemCodes.MissingInput, "every case needs a name and a condition");
                continue;
            }

            if (!names.Add(name) || name is Ports.Default or Ports.Error)
            {
                context.Error(ProblemCodes.DuplicateId, $"case name '{name}' is used twice or is reserved", null, "case", name);
            }

            context.CheckExpression(WorkflowExpression.Js(condition), ExpressionKind.Value, $"case '{name}'");
        }
    }

    private static IEnumerable<(string Name, string Condition)> Read(NodeDefinition node) =>
        CaseNodes(node)
            .Select(c => (Name: JsonValues.ToText(c?["name"]), Condition: JsonValues.ToText(c?["condition"])))
            .Where(c => c.Name is not null && c.Condition is not null)
            .Select(c => (c.Name!, c.Condition!));

    private static JsonArray CaseNodes(NodeDefinition node) =>
        node.Inputs.TryGetValue(Cases.Name, out var value) && value.Literal is JsonArray cases ? cases : [];
}
