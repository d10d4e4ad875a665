using System.Text.Json.Nodes;

namespace FlowCenter.Engine.Json;

/// <summary>Dotted paths into JSON: <c>customer.address.city</c>, <c>lines.0.sku</c>.</summary>
public static class JsonPath
{
    public static JsonNode? Get(JsonNode? root, string path) => Walk(root, path.Split('.', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Follows <paramref name="parts"/> from <paramref name="root"/>: a name in an object, an index in an array; null where nothing is.</summary>
    public static JsonNode? Walk(JsonNode? root, IEnumerable<string> parts)
    {
        var node = root;
        foreach (var part in parts)
        {
            node = node switch
            {
                JsonObject o => o[part],
                JsonArray a when int.TryParse(part, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }

    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = node[part] as JsonObject ?? (JsonObject)(node[part] = new JsonObject());
        }

        node[parts[^1]] = value;
    }
}
