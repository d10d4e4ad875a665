using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;

namespace FlowCenter.Interop.Elsa;

/// <summary>
/// Elsa's input wrapper <c>{ typeName, expression: { type, value } }</c> and its type names, to and from
/// FlowCenter's literal-or-expression inputs.
/// </summary>
internal static class ElsaValues
{
    /// <summary>An input value read from Elsa, with the expression language when it is one FlowCenter does not run.</summary>
    public sealed record Read(InputValue? Value, string? ForeignLanguage = null);

    private static readonly HashSet<string> NumberTypes = new(StringComparer.OrdinalIgnoreCase) { "Int16", "Int32", "Int64", "Single", "Double", "Decimal", "Int16?", "Int32?", "Int64?", "Single?", "Double?", "Decimal?", "Int32[]", "Int64[]", "Double[]" };

    /// <summary>
    /// Reads an Elsa input: the wrapper (Literal, Object, JavaScript, Variable, Input; C#, Python and Liquid are kept
    /// as text in their language) or a bare literal. <paramref name="variableName"/> names a variable by its Elsa id.
    /// </summary>
    public static Read ReadInput(JsonNode? node, Func<string, string?> variableName)
    {
        if (node is null)
        {
            return new Read(null);
        }

        if (node is not JsonObject wrapper || (!wrapper.ContainsKey("expression") && !wrapper.ContainsKey("typeName")))
        {
            return new Read(InputValue.FromLiteral(node.DeepClone()));
        }

        var typeName = Text(wrapper["typeName"]) ?? "";
        if (wrapper["expression"] is not JsonObject expression)
        {
            return new Read(null);
        }

        var kind = Text(expression["type"]) ?? "Literal";
        var value = expression["value"];
        switch (kind)
        {
            case "Literal":
                return new Read(value is null ? null : InputValue.FromLiteral(Literal(value, typeName)));
            case "Object" or "Json":
                return new Read(value is null ? null : InputValue.FromLiteral(value is JsonValue v && v.TryGetValue<string>(out var text) ? ParseOrText(text) : value.DeepClone()));
            case "JavaScript":
                return new Read(InputValue.FromExpression(Text(value) ?? ""));
            case "Variable":
                var id = value is JsonObject variable ? Text(variable["id"]) ?? Text(variable["name"]) : Text(value);
                var name = id is null ? null : variableName(id) ?? (value as JsonObject)?["name"]?.GetValue<string>() ?? id;
                return new Read(name is null ? null : InputValue.FromExpression(name));
            case "Input":
                var input = value is JsonObject definition ? Text(definition["name"]) : Text(value);
                return new Read(input is null ? null : InputValue.FromExpression($"getInput({JsonSerializer.Serialize(input)})"));
            default:
                return new Read(InputValue.FromExpression(Text(value) ?? "", kind.ToLowerInvariant()), kind);
        }
    }

    /// <summary>A literal in Elsa's text form given its type: "0" for Int32 is the number 0, "[1,2]" for Object the array.</summary>
    public static JsonNode? Literal(JsonNode value, string typeName)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            return value.DeepClone();
        }

        if (NumberTypes.Contains(typeName) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return JsonNode.Parse(text.Trim());
        }

        if (typeName.StartsWith("Boolean", StringComparison.OrdinalIgnoreCase) && bool.TryParse(text, out var flag))
        {
            return JsonValue.Create(flag);
        }

        return typeName.EndsWith("[]", StringComparison.Ordinal) || typeName is "Object" or "JSON" or "ObjectDictionary" or "StringDictionary" or "JsonObject" or "JsonArray"
            ? ParseOrText(text)
            : JsonValue.Create(text);
    }

    private static JsonNode? ParseOrText(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(trimmed);
            }
            catch (JsonException)
            {
            }
        }

        return JsonValue.Create(text);
    }

    /// <summary>Writes an input in Elsa's wrapper; <paramref name="typeName"/> overrides the type named from the value.</summary>
    public static JsonObject Write(InputValue value, string? typeName = null)
    {
        if (value.Expression is { } expression)
        {
            return new JsonObject
            {
                ["typeName"] = typeName ?? "Object",
                ["expression"] = new JsonObject { ["type"] = LanguageName(expression.Language), ["value"] = expression.Source },
            };
        }

        return WriteLiteral(value.Literal, typeName);
    }

    public static JsonObject WriteLiteral(JsonNode? literal, string? typeName = null)
    {
        var kind = literal?.GetValueKind() ?? JsonValueKind.Null;
        var (type, expressionType, text) = kind switch
        {
            JsonValueKind.String => ("String", "Literal", (JsonNode?)JsonValue.Create(literal!.GetValue<string>())),
            JsonValueKind.Number => (IsInteger(literal!) ? "Int64" : "Double", "Literal", JsonValue.Create(literal!.ToJsonString())),
            JsonValueKind.True or JsonValueKind.False => ("Boolean", "Literal", JsonValue.Create(literal!.GetValue<bool>())),
            JsonValueKind.Array => ("Object", "Object", JsonValue.Create(literal!.ToJsonString())),
            JsonValueKind.Object => ("Object", "Object", JsonValue.Create(literal!.ToJsonString())),
            _ => ("Object", "Literal", null),
        };
        return new JsonObject
        {
            ["typeName"] = typeName ?? type,
            ["expression"] = new JsonObject { ["type"] = expressionType, ["value"] = text },
        };
    }

    private static bool IsInteger(JsonNode number) => !number.ToJsonString().Contains('.', StringComparison.Ordinal) && !number.ToJsonString().Contains('e', StringComparison.OrdinalIgnoreCase);

    /// <summary>Elsa's name of an expression language: JavaScript, CSharp, Python, Liquid.</summary>
    public static string LanguageName(string language) => language.ToLowerInvariant() switch
    {
        "javascript" or "js" => "JavaScript",
        "csharp" or "c#" => "CSharp",
        "python" => "Python",
        "liquid" => "Liquid",
        _ => language,
    };

    /// <summary>FlowCenter's data type for an Elsa type name (the element type, with isArray for lists).</summary>
    public static DataType TypeOf(string? typeName, bool isArray)
    {
        var element = (typeName ?? "Object").TrimEnd('?');
        if (isArray || element.EndsWith("[]", StringComparison.Ordinal) || element.StartsWith("List<", StringComparison.Ordinal))
        {
            return element.StartsWith("String", StringComparison.Ordinal) || element.Contains("<String>", StringComparison.Ordinal) ? DataType.StringList : DataType.Array;
        }

        return element switch
        {
            "String" or "Guid" => DataType.String,
            "Int16" or "Int32" or "Int64" => DataType.Integer,
            "Single" or "Double" or "Decimal" => DataType.Number,
            "Boolean" => DataType.Boolean,
            "DateTime" or "DateTimeOffset" => DataType.DateTime,
            "TimeSpan" => DataType.Duration,
            "JSON" or "ObjectDictionary" or "StringDictionary" or "JsonObject" or "ExpandoObject" => DataType.Object,
            "JsonArray" => DataType.Array,
            _ => DataType.Any,
        };
    }

    /// <summary>Elsa's type name and isArray for a FlowCenter data type.</summary>
    public static (string TypeName, bool IsArray) TypeNameOf(DataType type) => type switch
    {
        DataType.String or DataType.Script or DataType.Cron => ("String", false),
        DataType.Integer => ("Int64", false),
        DataType.Number => ("Double", false),
        DataType.Boolean => ("Boolean", false),
        DataType.DateTime => ("DateTimeOffset", false),
        DataType.Duration => ("TimeSpan", false),
        DataType.Object => ("JSON", false),
        DataType.Array => ("Object", true),
        DataType.StringList => ("String", true),
        _ => ("Object", false),
    };

    /// <summary>An Elsa variable's value (always text) as a FlowCenter value of its type.</summary>
    public static JsonNode? VariableValue(JsonNode? value, string? typeName, bool isArray)
    {
        if (value is null)
        {
            return null;
        }

        if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.Length == 0 && (typeName ?? "String") != "String")
        {
            return null;
        }

        return Literal(value, isArray ? (typeName ?? "Object") + "[]" : typeName ?? "Object");
    }

    /// <summary>A FlowCenter default as Elsa writes a variable's value: text.</summary>
    public static string? VariableText(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => value.ToJsonString(),
    };

    /// <summary>A .NET TimeSpan text ("00:01:00", "1.02:00:00") as ISO 8601 (PT1M, P1DT2H); null when it is not one.</summary>
    public static string? IsoDuration(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text.StartsWith('P'))
        {
            return text;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? System.Xml.XmlConvert.ToString(span) : null;
    }

    /// <summary>An ISO 8601 duration as .NET TimeSpan text, as Elsa writes it; the text itself when it is not one.</summary>
    public static string TimeSpanText(string iso)
    {
        try
        {
            return System.Xml.XmlConvert.ToTimeSpan(iso).ToString("c", CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            return iso;
        }
    }

    public static string? Text(JsonNode? node) => Ids.Text(node);
}
