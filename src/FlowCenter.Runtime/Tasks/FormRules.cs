using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FlowCenter.Engine.Json;

namespace FlowCenter.Runtime.Tasks;

/// <summary>
/// Checks submitted form values against the form's fields at one node: required fields present, numbers within
/// range, text matching its pattern, choices among the options, dates that parse, table rows with their
/// required columns; read-only and hidden fields cannot be changed. Every problem is reported.
/// </summary>
public static class FormRules
{
    public const string Editable = "editable";

    public const string ReadOnly = "readonly";

    public const string Hidden = "hidden";

    public static string AccessOf(JsonObject? fieldAccess, string field) =>
        JsonValues.ToText(fieldAccess?[field]) is { Length: > 0 } access ? access : Editable;

    public static IEnumerable<JsonObject> FieldsOf(JsonObject? form) =>
        form?["fields"] is JsonArray fields ? fields.OfType<JsonObject>() : [];

    public static IReadOnlyList<string> Check(JsonObject? form, JsonObject? fieldAccess, JsonObject? data, IReadOnlyDictionary<string, JsonNode?> current)
    {
        var problems = new List<string>();
        foreach (var field in FieldsOf(form))
        {
            var name = JsonValues.ToText(field["name"]) ?? "";
            var label = JsonValues.ToText(field["label"]) ?? name;
            var access = AccessOf(fieldAccess, name);
            var submitted = data is not null && data.ContainsKey(name);
            if (access != Editable)
            {
                if (submitted && !JsonNode.DeepEquals(data![name], current.GetValueOrDefault(name)))
                {
                    problems.Add($"'{label}' is {access} here and cannot be changed");
                }

                continue;
            }

            var value = submitted ? data![name] : current.GetValueOrDefault(name);
            if (IsEmpty(value))
            {
                if (field["required"] is { } required && JsonValues.IsTruthy(required))
                {
                    problems.Add($"'{label}' is required");
                }

                continue;
            }

            if (CheckValue(field, label, value!) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    private static string? CheckValue(JsonObject field, string label, JsonNode value)
    {
        switch (JsonValues.ToText(field["type"]) ?? "text")
        {
            case "number":
                double number;
                try
                {
                    number = JsonValues.NumberOf(value);
                }
                catch (FormatException)
                {
                    return $"'{label}' must be a number";
                }

                if (field["min"] is { } min && number < JsonValues.NumberOf(min))
                {
                    return $"'{label}' must be at least {JsonValues.NumberOf(min).ToString(CultureInfo.InvariantCulture)}";
                }

                return field["max"] is { } max && number > JsonValues.NumberOf(max)
                    ? $"'{label}' must be at most {JsonValues.NumberOf(max).ToString(CultureInfo.InvariantCulture)}"
                    : null;
            case "date":
                return DateTimeOffset.TryParse(JsonValues.ToText(value), CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : $"'{label}' must be a date";
            case "choice":
                var options = JsonValues.ToStringList(field["options"]);
                return options.Count == 0 || options.Contains(JsonValues.ToText(value) ?? "") ? null : $"'{label}' must be one of {string.Join(", ", options)}";
            case "table":
                if (value is not JsonArray rows)
                {
                    return $"'{label}' must be a table of rows";
                }

                var requiredColumns = (field["columns"] as JsonArray ?? []).OfType<JsonObject>()
                    .Where(c => c["required"] is { } r && JsonValues.IsTruthy(r)).Select(c => JsonValues.ToText(c["name"]) ?? "").ToList();
                for (var i = 0; i < rows.Count; i++)
                {
                    foreach (var column in requiredColumns.Where(c => IsEmpty((rows[i] as JsonObject)?[c])))
                    {
                        return $"'{label}' row {i + 1}: '{column}' is required";
                    }
                }

                return null;
            default:
                return JsonValues.ToText(field["pattern"]) is { Length: > 0 } pattern
                    && !Regex.IsMatch(JsonValues.ToText(value) ?? "", pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100))
                    ? $"'{label}' does not have the expected form"
                    : null;
        }
    }

    private static bool IsEmpty(JsonNode? value) =>
        value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s)) || value is JsonArray { Count: 0 };
}
