using System.Text.Json.Nodes;
using FlowCenter.Engine.State;

namespace FlowCenter.Server.Api;

/// <summary>Reads a modification's body: <c>{ "cancel": [3], "placeAt": ["review"], "move": [{ "path": 3, "to": "review" }], "reason": "…" }</c>.</summary>
internal static class ModificationBody
{
    public static (TokenModification Modification, string? Reason) Read(JsonNode? body)
    {
        if (body is not JsonObject fields)
        {
            throw new ArgumentException("The body must be an object: { \"move\": [{ \"path\": 3, \"to\": \"step\" }] }, with \"cancel\" and \"placeAt\" as needed.");
        }

        var cancel = new List<int>();
        var place = new List<string>();
        foreach (var path in Array(fields, "cancel"))
        {
            cancel.Add(PathId(path, "cancel"));
        }

        foreach (var step in Array(fields, "placeAt"))
        {
            place.Add(Step(step, "placeAt"));
        }

        foreach (var move in Array(fields, "move"))
        {
            if (move is not JsonObject m)
            {
                throw new ArgumentException("Each 'move' is an object: { \"path\": 3, \"to\": \"step\" }.");
            }

            cancel.Add(PathId(m["path"], "move.path"));
            place.Add(Step(m["to"], "move.to"));
        }

        var reason = fields["reason"] is JsonValue r && r.TryGetValue<string>(out var text) ? text : null;
        return (new TokenModification { Cancel = cancel, PlaceAt = place }, reason);
    }

    private static JsonArray Array(JsonObject fields, string name) => fields[name] switch
    {
        null => [],
        JsonArray array => array,
        _ => throw new ArgumentException($"'{name}' must be an array."),
    };

    private static int PathId(JsonNode? node, string where) =>
        node is JsonValue v && v.TryGetValue<int>(out var id) ? id : throw new ArgumentException($"'{where}' must be a path's number, as the instance's tokens give it.");

    private static string Step(JsonNode? node, string where) =>
        node is JsonValue v && v.TryGetValue<string>(out var id) && id.Length > 0 ? id : throw new ArgumentException($"'{where}' must be a step's id.");
}
