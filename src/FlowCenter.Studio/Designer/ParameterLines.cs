using System.Globalization;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;

namespace FlowCenter.Studio.Designer;

/// <summary>Variables and parameters as short text lines, <c>name:type[:default]</c>, the way the designer edits them.</summary>
public static class ParameterLines
{
    public static IReadOnlyList<(string Name, DataType Type, JsonNode? Default, bool Required)> Parse(string lines)
    {
        var result = new List<(string, DataType, JsonNode?, bool)>();
        var number = 0;
        foreach (var raw in lines.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(':', 3);
            var name = parts[0].Trim();
            var required = name.EndsWith('!');
            name = name.TrimEnd('!');
            if (name.Length == 0)
            {
                throw new FormatException($"line {number}: a name is missing");
            }

            var type = DataType.Any;
            if (parts.Length > 1 && !Enum.TryParse(parts[1].Trim(), ignoreCase: true, out type))
            {
                throw new FormatException($"line {number}: '{parts[1].Trim()}' is not a type ({string.Join(", ", Enum.GetNames<DataType>()).ToLowerInvariant()})");
            }

            result.Add((name, type, parts.Length > 2 ? ParseDefault(parts[2].Trim()) : null, required));
        }

        return result;
    }

    public static string Format(IEnumerable<(string Name, DataType Type, JsonNode? Default, bool Required)> items) =>
        string.Join('\n', items.Select(i => $"{i.Name}{(i.Required ? "!" : "")}:{i.Type.ToString().ToLowerInvariant()}{(i.Default is null ? "" : ":" + i.Default.ToJsonString())}"));

    private static JsonNode? ParseDefault(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text.ToString(CultureInfo.InvariantCulture));
        }
    }
}
