using System.Text.Json.Nodes;

namespace FlowCenter.Engine.Definitions;

/// <summary>An activity input: either a literal JSON value or an expression evaluated when the node runs.</summary>
public sealed class InputValue
{
    public JsonNode? Literal { get; set; }

    public WorkflowExpression? Expression { get; set; }

    public static InputValue FromLiteral(JsonNode? value) => new() { Literal = value };

    public static InputValue FromExpression(string source, string language = WorkflowExpression.JavaScript) =>
        new() { Expression = new WorkflowExpression { Language = language, Source = source } };
}
