using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;

namespace FlowCenter.Interop;

/// <summary>Ids and small readings both importers need: ids FlowCenter accepts, made unique, and JSON text.</summary>
internal static class Ids
{
    /// <summary>An id FlowCenter accepts: letters, digits, '-' and '_', at most 100 of them.</summary>
    public static string Of(string text)
    {
        var id = string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')).Trim('-');
        return id.Length == 0 ? "step" : id.Length > 100 ? id[..100] : id;
    }

    /// <summary>The id, or the id with -2, -3... when <paramref name="taken"/> has it; added to <paramref name="taken"/>.</summary>
    public static string Unique(HashSet<string> taken, string id)
    {
        var unique = id;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = $"{id}-{n}";
        }

        return unique;
    }

    /// <summary>The next free connection id of the designer's form, c1, c2...</summary>
    public static string NextConnection(WorkflowDefinition definition)
    {
        var n = definition.Connections.Count + 1;
        while (definition.Connections.Any(c => c.Id == $"c{n}"))
        {
            n++;
        }

        return $"c{n}";
    }

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
}
