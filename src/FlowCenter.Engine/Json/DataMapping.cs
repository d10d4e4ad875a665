using System.Globalization;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Execution;

namespace FlowCenter.Engine.Json;

/// <summary>
/// The mapping that the Map data activity runs and the designer's visual mapper previews: pure JSON in, JSON out,
/// so that the Studio can preview it without the connectors (and their drivers) on its side.
/// </summary>
public static class DataMapping
{
    /// <summary>The transforms a mapping can name; <c>rename</c> when it names none.</summary>
    public static readonly IReadOnlyList<string> Transforms = ["rename", "formatDate", "number", "lookup", "concat", "expression"];

    /// <summary>
    /// Builds the target from <paramref name="source"/>; <paramref name="evaluate"/> runs the JavaScript of
    /// expression mappings (null: they stay empty, as in the designer's preview).
    /// </summary>
    public static JsonObject Map(JsonArray mappings, JsonNode? source, Func<string, JsonNode?>? evaluate)
    {
        var target = new JsonObject();
        foreach (var mapping in mappings.OfType<JsonObject>())
        {
            var to = JsonValues.ToText(mapping["target"]) is { Length: > 0 } name ? name : throw new ActivityException("A mapping has no target.");
            var value = JsonValues.ToText(mapping["transform"]) == "expression"
                ? evaluate is null ? null : JsonValues.ToText(mapping["expression"]) is { Length: > 0 } script ? evaluate(script)?.DeepClone() : throw new ActivityException($"The expression mapping of {to} has no expression.")
                : Transform(mapping, source, to);
            if (value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0))
            {
                value = mapping["default"]?.DeepClone();
            }

            JsonPath.Set(target, to, value);
        }

        return target;
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
                throw new ActivityException($"Unknown transform '{other}' for {target} (rename, formatDate, number, lookup, concat, expression).");
        }
    }
}
