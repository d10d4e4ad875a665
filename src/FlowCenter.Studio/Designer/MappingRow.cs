using System.Globalization;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Json;

namespace FlowCenter.Studio.Designer;

/// <summary>One field of a data mapping as the visual mapper edits it: where it goes, where it comes from and how it is transformed.</summary>
public sealed class MappingRow
{
    public string Target { get; set; } = "";

    public string Source { get; set; } = "";

    public string Transform { get; set; } = "rename";

    public string Format { get; set; } = "yyyy-MM-dd";

    public double? Factor { get; set; }

    public int? Decimals { get; set; }

    /// <summary>The lookup table, one <c>key=value</c> per line.</summary>
    public string Table { get; set; } = "";

    /// <summary>The fields to concatenate, comma-separated.</summary>
    public string Sources { get; set; } = "";

    public string Separator { get; set; } = " ";

    public string Expression { get; set; } = "";

    public string Default { get; set; } = "";

    public static MappingRow From(JsonObject mapping) => new()
    {
        Target = JsonValues.ToText(mapping["target"]) ?? "",
        Source = JsonValues.ToText(mapping["source"]) ?? "",
        Transform = JsonValues.ToText(mapping["transform"]) ?? "rename",
        Format = JsonValues.ToText(mapping["format"]) ?? "yyyy-MM-dd",
        Factor = mapping["factor"] is { } factor ? JsonValues.ToNumber(factor) : null,
        Decimals = mapping["decimals"] is { } decimals ? (int)JsonValues.ToNumber(decimals) : null,
        Table = mapping["table"] is JsonObject table ? string.Join("\n", table.Select(p => $"{p.Key}={JsonValues.ToText(p.Value)}")) : "",
        Sources = mapping["sources"] is JsonArray sources ? string.Join(", ", sources.Select(JsonValues.ToText)) : "",
        Separator = JsonValues.ToText(mapping["separator"]) ?? " ",
        Expression = JsonValues.ToText(mapping["expression"]) ?? "",
        Default = mapping["default"] is { } value ? JsonValues.ToText(value) ?? value.ToJsonString() : "",
    };

    /// <summary>The mapping as MapData reads it; only the settings of its transform are written.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["target"] = Target.Trim() };
        if (Transform is not ("concat" or "expression") && Source.Trim().Length > 0)
        {
            json["source"] = Source.Trim();
        }

        if (Transform != "rename")
        {
            json["transform"] = Transform;
        }

        switch (Transform)
        {
            case "formatDate":
                json["format"] = Format;
                break;
            case "number":
                if (Factor is { } factor)
                {
                    json["factor"] = factor;
                }

                if (Decimals is { } decimals)
                {
                    json["decimals"] = decimals;
                }

                break;
            case "lookup":
                var table = new JsonObject();
                foreach (var line in Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var at = line.IndexOf('=', StringComparison.Ordinal);
                    if (at > 0)
                    {
                        table[line[..at].Trim()] = line[(at + 1)..].Trim();
                    }
                }

                json["table"] = table;
                break;
            case "concat":
                json["sources"] = new JsonArray([.. Sources.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => (JsonNode)s)]);
                json["separator"] = Separator;
                break;
            case "expression":
                json["expression"] = Expression;
                break;
        }

        if (Default.Length > 0)
        {
            json["default"] = double.TryParse(Default, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : Default;
        }

        return json;
    }

    /// <summary>The paths of every value in a sample (<c>customer.code</c>, <c>lines.0.sku</c> for the first of a list).</summary>
    public static List<string> PathsOf(JsonNode? sample, string prefix = "")
    {
        var paths = new List<string>();
        switch (sample)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
                    if (value is JsonObject or JsonArray)
                    {
                        paths.AddRange(PathsOf(value, path));
                    }
                    else
                    {
                        paths.Add(path);
                    }
                }

                break;
            case JsonArray { Count: > 0 } array:
                paths.Add(prefix);
                paths.AddRange(PathsOf(array[0], $"{prefix}.0"));
                break;
            case JsonArray:
                paths.Add(prefix);
                break;
        }

        return paths;
    }

    /// <summary>A sample shaped like the sources the mappings read, for a mapping opened without one.</summary>
    public static JsonObject SkeletonOf(IEnumerable<MappingRow> rows)
    {
        var sample = new JsonObject();
        foreach (var path in rows.SelectMany(r => r.Transform == "concat" ? r.Sources.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [r.Source]).Where(p => p.Length > 0))
        {
            var node = sample;
            var parts = path.Split('.');
            foreach (var part in parts[..^1])
            {
                node = node[part] as JsonObject ?? (JsonObject)(node[part] = new JsonObject());
            }

            node[parts[^1]] ??= "";
        }

        return sample;
    }
}
