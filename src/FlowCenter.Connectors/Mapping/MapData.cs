using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Json;
using FlowCenter.Engine.Validation;
using FlowCenter.Engine.Expressions;

namespace FlowCenter.Connectors.Mapping;

/// <summary>
/// Builds a target object field by field from a source: each mapping <c>{ "target": "customerName", "source":
/// "customer.name", "transform": ..., "default": ... }</c> copies (rename), and may format a date
/// (<c>"transform": "formatDate", "format": "yyyy-MM-dd"</c>), convert a number (<c>"number"</c> with
/// <c>"factor"</c> and <c>"decimals"</c>, e.g. kg to t), look a value up in a table (<c>"lookup"</c> with
/// <c>"table": { "A": "Alpha" }</c>), join several sources (<c>"concat"</c> with <c>"sources"</c> and
/// <c>"separator"</c>). Whatever else is needed is JavaScript: a mapping's <c>"expression"</c> (transform
/// <c>expression</c>) is evaluated in the process's scope, and the source input itself is an expression, so it can
/// shape the data first. A missing value takes the mapping's default. The designer's visual mapper edits the
/// mappings and previews them with <see cref="DataMapping.Map"/>.
/// </summary>
[Activity("MapData", Category = "Connectors", DisplayName = "Map data", Description = "Builds a target object from a source, field by field, with rename, date format, number and unit conversion, lookup, concatenation and defaults.")]
public sealed class MapData : IActivity, INodeValidator
{
    public static readonly ActivityInput<JsonNode?> Source = Inputs.Any("source", "The source data (an expression, such as input.order).", required: true);

    public static readonly ActivityInput<JsonArray?> Mappings = Inputs.Array("mappings", "The fields: [ { target, source, transform, default, ... } ]; the visual mapper edits them.", required: true);

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "The variable that receives the target object.", required: true);

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        var target = DataMapping.Map(context.Get(Mappings) ?? [], context.Get(Source), expression => context.Evaluate(WorkflowExpression.Js(expression)));
        context.SetVariable(context.Get(ResultVariable)!, target);
        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }

    /// <summary>Each literal mapping has a target and a known transform; expression mappings parse.</summary>
    public void Validate(NodeValidationContext context)
    {
        if (context.Node.Inputs.GetValueOrDefault(Mappings.Name)?.Literal is not JsonArray mappings)
        {
            return;
        }

        var index = 0;
        foreach (var mapping in mappings)
        {
            index++;
            var target = JsonValues.ToText(mapping?["target"]);
            var transform = JsonValues.ToText(mapping?["transform"]) ?? "rename";
            if (string.IsNullOrWhiteSpace(target))
            {
                context.Error(ProblemCodes.MissingInput, $"mapping {index} has no target");
            }
            else if (!DataMapping.Transforms.Contains(transform))
            {
                context.Error(ProblemCodes.WrongInputType, $"mapping {index} ({target}) has an unknown transform '{transform}'; use {string.Join(", ", DataMapping.Transforms)}", null, "transform", target, transform);
            }
            else if (transform == "expression")
            {
                context.CheckExpression(WorkflowExpression.Js(JsonValues.ToText(mapping?["expression"]) ?? ""), ExpressionKind.Value, $"mapping {index} ({target})");
            }
        }
    }
}
