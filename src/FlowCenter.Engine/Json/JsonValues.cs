using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Json;

/// <summary>Conversions between JSON values and the CLR types activities read, with JavaScript-like truthiness.</summary>
public static class JsonValues
{
    /// <summary>The number in a JSON number node, whatever CLR type the node was created from.</summary>
    public static double NumberOf(JsonNode node)
    {
        var value = node.AsValue();
        if (value.TryGetValue(out double d))
        {
            return d;
        }

        if (value.TryGetValue(out long l))
        {
            return l;
        }

        if (value.TryGetValue(out int i))
        {
            return i;
        }

        if (value.TryGetValue(out decimal m))
        {
            return (double)m;
        }

        if (value.TryGetValue(out float f))
        {
            return f;
        }

        return value.TryGetValue(out JsonElement e) && e.ValueKind == JsonValueKind.Number
            ? e.GetDouble()
            : throw new FormatException($"{node.ToJsonString()} is not a number");
    }

    public static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    /// <summary>JavaScript truthiness: false, 0, "", null and NaN are false.</summary>
    public static bool IsTruthy(JsonNode? node) => KindOf(node) switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => false,
        JsonValueKind.True or JsonValueKind.Object or JsonValueKind.Array => true,
        JsonValueKind.String => node!.GetValue<string>().Length > 0,
        JsonValueKind.Number => NumberOf(node!) is var d && d != 0 && !double.IsNaN(d),
        _ => false,
    };

    public static string? ToText(JsonNode? node) => KindOf(node) switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => node!.GetValue<string>(),
        _ => node!.ToJsonString(),
    };

    public static double ToNumber(JsonNode? node) => KindOf(node) switch
    {
        JsonValueKind.Number => NumberOf(node!),
        JsonValueKind.String when double.TryParse(node!.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => throw new FormatException($"expected a number, got {Describe(node)}"),
    };

    public static int ToInteger(JsonNode? node)
    {
        var d = ToNumber(node);
        return d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue
            ? (int)d
            : throw new FormatException($"expected a whole number, got {Describe(node)}");
    }

    public static bool ToBoolean(JsonNode? node) => KindOf(node) switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null => false,
        JsonValueKind.String when bool.TryParse(node!.GetValue<string>(), out var b) => b,
        _ => throw new FormatException($"expected true or false, got {Describe(node)}"),
    };

    /// <summary>An ISO 8601 duration (<c>PT5M</c>, <c>P2D</c>), a time span (<c>00:05:00</c>) or milliseconds.</summary>
    public static TimeSpan ToDuration(JsonNode? node) => KindOf(node) switch
    {
        JsonValueKind.Number => TimeSpan.FromMilliseconds(NumberOf(node!)),
        JsonValueKind.String => ParseDuration(node!.GetValue<string>()),
        _ => throw new FormatException($"expected a duration such as \"PT5M\", got {Describe(node)}"),
    };

    public static TimeSpan ParseDuration(string text)
    {
        if (TryParseDuration(text, out var value))
        {
            return value;
        }

        throw new FormatException($"\"{text}\" is not a duration; write ISO 8601 such as \"PT5M\" or \"P1DT2H\"");
    }

    public static bool TryParseDuration(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                value = XmlConvert.ToTimeSpan(text);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }

    public static DateTimeOffset ToDateTime(JsonNode? node) =>
        KindOf(node) == JsonValueKind.String
        && DateTimeOffset.TryParse(node!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? d
            : throw new FormatException($"expected an ISO 8601 date and time, got {Describe(node)}");

    public static IReadOnlyList<string> ToStringList(JsonNode? node) => KindOf(node) switch
    {
        JsonValueKind.Null => [],
        // A JsonValue can hold a .NET array (built in code, not parsed): read it as the JSON it writes.
        JsonValueKind.Array => (node as JsonArray ?? JsonNode.Parse(node!.ToJsonString())!.AsArray()).Select(ToText).Where(s => s is not null).Select(s => s!).ToList(),
        JsonValueKind.String => node!.GetValue<string>()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => throw new FormatException($"expected a list of strings, got {Describe(node)}"),
    };

    /// <summary>Null when <paramref name="node"/> fits <paramref name="type"/>; otherwise why not.</summary>
    public static string? CheckType(DataType type, JsonNode? node)
    {
        if (node is null || type == DataType.Any)
        {
            return null;
        }

        var kind = node.GetValueKind();
        var ok = type switch
        {
            DataType.String or DataType.Script => kind == JsonValueKind.String,
            DataType.Number => kind == JsonValueKind.Number,
            DataType.Integer => kind == JsonValueKind.Number && NumberOf(node) is var d && d == Math.Floor(d),
            DataType.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            DataType.Object => kind == JsonValueKind.Object,
            DataType.Array => kind == JsonValueKind.Array,
            // A list may be written as one comma-separated string: "a1, a2".
            DataType.StringList => kind == JsonValueKind.String || (kind == JsonValueKind.Array && node.AsArray().All(i => i?.GetValueKind() == JsonValueKind.String)),
            DataType.DateTime => kind == JsonValueKind.String && DateTimeOffset.TryParse(node.GetValue<string>(), CultureInfo.InvariantCulture, out _),
            DataType.Duration => kind == JsonValueKind.Number || (kind == JsonValueKind.String && TryParseDuration(node.GetValue<string>(), out _)),
            DataType.Cron => kind == JsonValueKind.String && CronSyntax.Check(node.GetValue<string>()) is null,
            _ => true,
        };
        if (ok)
        {
            return null;
        }

        var detail = type == DataType.Cron && kind == JsonValueKind.String ? ": " + CronSyntax.Check(node.GetValue<string>()) : "";
        return $"expected {Name(type)}, got {Describe(node)}{detail}";
    }

    public static string Describe(JsonNode? node)
    {
        var kind = KindOf(node);
        var text = kind == JsonValueKind.Null ? "null" : node!.ToJsonString();
        if (text.Length > 60)
        {
            text = text[..57] + "...";
        }

        return kind switch
        {
            JsonValueKind.Null => "null",
            JsonValueKind.String => "string " + text,
            JsonValueKind.Number => "number " + text,
            JsonValueKind.True or JsonValueKind.False => "boolean " + text,
            JsonValueKind.Array => "array " + text,
            _ => "object " + text,
        };
    }

    private static string Name(DataType type) => type switch
    {
        DataType.DateTime => "an ISO 8601 date and time",
        DataType.Duration => "an ISO 8601 duration such as \"PT5M\"",
        DataType.StringList => "a list of strings",
        DataType.Integer => "a whole number",
        DataType.Cron => "a cron expression",
        DataType.Script => "JavaScript source as a string",
        _ => "a " + type.ToString().ToLowerInvariant(),
    };
}
