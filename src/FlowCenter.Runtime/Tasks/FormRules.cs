using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FlowCenter.Engine.Json;

namespace FlowCenter.Runtime.Tasks;

/// <summary>
/// Checks submitted form values against the form's fields at one node: only the form's fields, each of its type;
/// required fields present, numbers within range, text within its length and matching its pattern, choices among
/// the options, dates that parse, table rows with their columns; read-only and hidden fields cannot be changed.
/// Every problem is reported. The same rules hold in the browser, for decisions over the API and for start forms.
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

    /// <summary>The longest text a field takes unless the field names its own <c>maxLength</c>.</summary>
    public const int DefaultMaxTextLength = 10_000;

    /// <summary>The most rows a table field takes.</summary>
    public const int MaxTableRows = 1_000;

    /// <summary>
    /// Checks what a person submits for a form at one node. Only the form's editable fields may be sent (any
    /// other name is refused, so a decision cannot change a variable the form does not offer); each value must
    /// have its field's type and keep its rules. With <paramref name="requireComplete"/> (approving, submitting)
    /// every required field must also hold a value, submitted now or kept from before.
    /// </summary>
    public static IReadOnlyList<string> Check(JsonObject? form, JsonObject? fieldAccess, JsonObject? data, IReadOnlyDictionary<string, JsonNode?> current, bool requireComplete = true) =>
        [.. Problems(form, fieldAccess, data, current, requireComplete).Select(p => p.Message)];

    /// <summary>As <see cref="Check"/>, each problem with its code and arguments, for a UI to say in its own language.</summary>
    public static IReadOnlyList<FormProblem> Problems(JsonObject? form, JsonObject? fieldAccess, JsonObject? data, IReadOnlyDictionary<string, JsonNode?> current, bool requireComplete = true)
    {
        var problems = new List<FormProblem>();
        var fields = FieldsOf(form).ToList();
        var known = fields.Select(f => JsonValues.ToText(f["name"]) ?? "").ToHashSet(StringComparer.Ordinal);
        foreach (var name in (data ?? []).Select(p => p.Key).Where(n => !known.Contains(n)))
        {
            problems.Add(new(FormProblemCode.NotAField, name));
        }

        foreach (var field in fields)
        {
            var name = JsonValues.ToText(field["name"]) ?? "";
            var label = JsonValues.ToText(field["label"]) ?? name;
            var access = AccessOf(fieldAccess, name);
            var submitted = data is not null && data.ContainsKey(name);
            if (access != Editable)
            {
                if (submitted && !JsonNode.DeepEquals(data![name], current.GetValueOrDefault(name)))
                {
                    problems.Add(new(access == Hidden ? FormProblemCode.Hidden : FormProblemCode.ReadOnly, label));
                }

                continue;
            }

            var value = submitted ? data![name] : current.GetValueOrDefault(name);
            if (IsEmpty(value))
            {
                if (requireComplete && field["required"] is { } required && JsonValues.IsTruthy(required))
                {
                    problems.Add(new(FormProblemCode.Required, label));
                }

                continue;
            }

            // Values kept from before are the process's own; only what is submitted now must fit the field's type.
            if (submitted && CheckValue(field, label, value!) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    private static FormProblem? CheckValue(JsonObject field, string label, JsonNode value)
    {
        switch (JsonValues.ToText(field["type"]) ?? "text")
        {
            case "number":
                return CheckNumber(field, label, value);
            case "date":
                return JsonValues.KindOf(value) == JsonValueKind.String
                    && DateTimeOffset.TryParse(JsonValues.ToText(value), CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : new(FormProblemCode.NotADate, label);
            case "boolean":
                return JsonValues.KindOf(value) is JsonValueKind.True or JsonValueKind.False ? null : new(FormProblemCode.NotYesOrNo, label);
            case "choice":
                var options = JsonValues.ToStringList(field["options"]);
                return JsonValues.KindOf(value) == JsonValueKind.String && (options.Count == 0 || options.Contains(JsonValues.ToText(value) ?? ""))
                    ? null
                    : new(FormProblemCode.NotAnOption, label, string.Join(", ", options));
            case "attachment":
                return value is JsonArray files && files.All(f => f is JsonObject file && file["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.Number)
                    ? null
                    : new(FormProblemCode.NotFiles, label);
            case "table":
                return CheckTable(field, label, value);
            default:
                if (JsonValues.KindOf(value) != JsonValueKind.String)
                {
                    return new(FormProblemCode.NotText, label, JsonValues.Describe(value));
                }

                var text = value.GetValue<string>();
                var maxLength = field["maxLength"] is { } limit ? (int)JsonValues.NumberOf(limit) : DefaultMaxTextLength;
                if (text.Length > maxLength)
                {
                    return new(FormProblemCode.TooLong, label, text.Length.ToString(CultureInfo.InvariantCulture), maxLength.ToString(CultureInfo.InvariantCulture));
                }

                return JsonValues.ToText(field["pattern"]) is { Length: > 0 } pattern
                    && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100))
                    ? new(FormProblemCode.Pattern, label)
                    : null;
        }
    }

    private static FormProblem? CheckNumber(JsonObject field, string label, JsonNode value)
    {
        if (JsonValues.KindOf(value) != JsonValueKind.Number)
        {
            return new(FormProblemCode.NotANumber, label);
        }

        var number = JsonValues.NumberOf(value);
        if (field["min"] is { } min && number < JsonValues.NumberOf(min))
        {
            return new(FormProblemCode.TooSmall, label, JsonValues.NumberOf(min).ToString(CultureInfo.InvariantCulture));
        }

        return field["max"] is { } max && number > JsonValues.NumberOf(max)
            ? new(FormProblemCode.TooLarge, label, JsonValues.NumberOf(max).ToString(CultureInfo.InvariantCulture))
            : null;
    }

    private static FormProblem? CheckTable(JsonObject field, string label, JsonNode value)
    {
        if (value is not JsonArray rows || rows.Any(r => r is not JsonObject))
        {
            return new(FormProblemCode.NotATable, label);
        }

        if (rows.Count > MaxTableRows)
        {
            return new(FormProblemCode.TooManyRows, label, rows.Count.ToString(CultureInfo.InvariantCulture), MaxTableRows.ToString(CultureInfo.InvariantCulture));
        }

        var columns = (field["columns"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var names = columns.Select(c => JsonValues.ToText(c["name"]) ?? "").ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = (JsonObject)rows[i]!;
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (row.Select(c => c.Key).FirstOrDefault(k => !names.Contains(k)) is { } unknown)
            {
                return new(FormProblemCode.NotAColumn, label, number, unknown);
            }

            foreach (var column in columns)
            {
                var name = JsonValues.ToText(column["name"]) ?? "";
                var cell = row[name];
                var columnLabel = JsonValues.ToText(column["label"]) ?? name;
                if (IsEmpty(cell))
                {
                    if (column["required"] is { } required && JsonValues.IsTruthy(required))
                    {
                        return new(FormProblemCode.Required, label) { Row = number, Column = columnLabel };
                    }

                    continue;
                }

                if (CheckValue(column, columnLabel, cell!) is { } problem)
                {
                    return problem with { Field = label, Row = number, Column = columnLabel };
                }
            }
        }

        return null;
    }

    private static bool IsEmpty(JsonNode? value) =>
        value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s)) || value is JsonArray { Count: 0 };
}
