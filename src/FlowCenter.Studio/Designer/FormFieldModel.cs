using System.Globalization;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Json;

namespace FlowCenter.Studio.Designer;

/// <summary>One field of a form as the form designer edits it, and its JSON form.</summary>
public sealed class FormFieldModel
{
    public static readonly IReadOnlyList<string> Types = ["text", "number", "date", "boolean", "choice", "user", "attachment", "table"];

    /// <summary>How much of the form's width a field takes; fields narrower than full stand side by side.</summary>
    public static readonly IReadOnlyList<string> Widths = ["full", "half", "third", "quarter"];

    public string Width { get; set; } = "full";

    public string Name { get; set; } = "";

    public string Label { get; set; } = "";

    public string Type { get; set; } = "text";

    public bool Required { get; set; }

    /// <summary>Choices, comma-separated.</summary>
    public string? Options { get; set; }

    public double? Min { get; set; }

    public double? Max { get; set; }

    public string? Pattern { get; set; }

    /// <summary>Table columns, one per line: <c>name:label:type[:required]</c>.</summary>
    public string? Columns { get; set; }

    /// <summary>At this node: editable, readonly or hidden.</summary>
    public string Access { get; set; } = "editable";

    public static FormFieldModel From(JsonObject field, JsonObject? access)
    {
        var name = JsonValues.ToText(field["name"]) ?? "";
        return new FormFieldModel
        {
            Name = name,
            Label = JsonValues.ToText(field["label"]) ?? "",
            Type = JsonValues.ToText(field["type"]) ?? "text",
            Required = field["required"] is { } required && JsonValues.IsTruthy(required),
            Options = field["options"] is { } options ? string.Join(", ", JsonValues.ToStringList(options)) : null,
            Min = field["min"] is { } min ? JsonValues.NumberOf(min) : null,
            Max = field["max"] is { } max ? JsonValues.NumberOf(max) : null,
            Pattern = JsonValues.ToText(field["pattern"]),
            Width = JsonValues.ToText(field["width"]) is { } width && Widths.Contains(width) ? width : "full",
            Columns = field["columns"] is JsonArray columns
                ? string.Join('\n', columns.OfType<JsonObject>().Select(c => string.Join(':', JsonValues.ToText(c["name"]), JsonValues.ToText(c["label"]), JsonValues.ToText(c["type"]) ?? "text")
                    + (c["required"] is { } r && JsonValues.IsTruthy(r) ? ":required" : "")))
                : null,
            Access = Runtime.Tasks.FormRules.AccessOf(access, name),
        };
    }

    public JsonObject ToJson()
    {
        var field = new JsonObject { ["name"] = Name.Trim(), ["label"] = string.IsNullOrWhiteSpace(Label) ? Name.Trim() : Label.Trim(), ["type"] = Type };
        if (Required)
        {
            field["required"] = true;
        }

        if (Type == "choice" && !string.IsNullOrWhiteSpace(Options))
        {
            field["options"] = new JsonArray([.. Options.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(o => JsonValue.Create(o))]);
        }

        if (Type == "number")
        {
            (field["min"], field["max"]) = (Min is { } min ? JsonValue.Create(min) : null, Max is { } max ? JsonValue.Create(max) : null);
            RemoveNulls(field);
        }

        if (Type == "text" && !string.IsNullOrWhiteSpace(Pattern))
        {
            field["pattern"] = Pattern;
        }

        if (Type == "table")
        {
            field["columns"] = new JsonArray([.. (Columns ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Column)]);
        }

        if (Width != "full")
        {
            field["width"] = Width;
        }

        return field;
    }

    private static JsonObject Column(string line)
    {
        var parts = line.Split(':', StringSplitOptions.TrimEntries);
        var column = new JsonObject { ["name"] = parts[0], ["label"] = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : parts[0], ["type"] = parts.Length > 2 && parts[2] == "number" ? "number" : "text" };
        if (parts.Length > 3 && parts[3].Equals("required", StringComparison.OrdinalIgnoreCase))
        {
            column["required"] = true;
        }

        return column;
    }

    private static void RemoveNulls(JsonObject field)
    {
        foreach (var key in field.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            field.Remove(key);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Type})");
}
