using System.Globalization;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Json;

namespace FlowCenter.Connectors.Mapping;

/// <summary>
/// Builds a target object field by field from a source: each mapping <c>{ "target": "customerName", "source":
/// "customer.name", "transform": ..., "default": ... }</c> copies (rename), and may format a date
/// (<c>"transform": "formatDate", "format": "yyyy-MM-dd"</c>), convert a number (<c>"number"</c> with
/// <c>"factor"</c> and <c>"decimals"</c>, e.g. kg to t), look a value up in a table (<c>"lookup"</c> with
/// <c>"table": { "A": "Alpha" }</c>), join several sources (<c>"concat"</c> with <c>"sources"</c> and
/// <c>"separator"</c>). Whatever else is needed is JavaScript: the source input is an expression, so it can shape
/// the data first. A missing value takes the mapping's default.
/// </summary>
[Activity("MapData", Category = "Connectors", DisplayName = "Map data", Description = "Builds a target object from a source, field by field, with rename, date format, number and unit conversion, lookup, concatenation and defaults.")]
public sealed class MapData : IActivity
{
    public static readonly ActivityInput<JsonNode?> Source = Inputs.Any("source", "The source data (an expression, such as input.order).", required: true);

    public static readonly ActivityInput<JsonArray?> Mappings = Inputs.Array("mappings", "The fields: [ { target, source, transform, default, ... } ].", required: true);

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "The variable that receives the target object.", required: true);

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        var source = context.Get(Source);
        var target = new JsonObject();
        foreach (var mapping in (context.Get(Mappings) ?? []).OfType<JsonObject>())
        {
            var to = JsonValues.ToText(mapping["target"]) ?? throw new ActivityException("A mapping has no target.");
            var value = Transform(mapping, source, to);
            if (value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0))
            {
                value = mapping["default"]?.DeepClone();
            }

            JsonPath.Set(target, to, value);
        }

        context.SetVariable(context.Get(ResultVariable)!, target);
        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }

    private static JsonNode? Transform(JsonObject mapping, JsonNode? source, string target)
    {
        var value = JsonValues.ToText(mapping["source"]) is { } path ? JsonPath.Get(source, path)?.DeepClone() : null;
        var text = value is null ? null : JsonValues.ToText(value) ?? value.ToJsonString();
        switch (JsonValues.ToText(mapping["transform"]) ?? "rename")
        {
            case "rename":
                return value;
            case "formatDate":
                if (text is null)
                {
                    return null;
                }

                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                    ? date.ToString(JsonValues.ToText(mapping["format"]) ?? "yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : throw new ActivityException($"'{text}' for {target} is not a date.");
            case "number":
                if (text is null)
                {
                    return null;
                }

                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    throw new ActivityException($"'{text}' for {target} is not a number.");
                }

                var factor = mapping["factor"] is { } f ? JsonValues.NumberOf(f) : 1;
                var decimals = mapping["decimals"] is { } d ? (int)JsonValues.NumberOf(d) : 6;
                return Math.Round(number * factor, decimals, MidpointRounding.AwayFromZero);
            case "lookup":
                return text is not null && mapping["table"] is JsonObject table && table.TryGetPropertyValue(text, out var found) ? found?.DeepClone() : null;
            case "concat":
                var parts = (mapping["sources"] as JsonArray ?? []).Select(p => JsonValues.ToText(JsonPath.Get(source, JsonValues.ToText(p) ?? "")));
                return string.Join(JsonValues.ToText(mapping["separator"]) ?? " ", parts.Where(p => !string.IsNullOrEmpty(p)));
            case var other:
                throw new ActivityException($"Unknown transform '{other}' for {target} (rename, formatDate, number, lookup, concat).");
        }
    }
}
