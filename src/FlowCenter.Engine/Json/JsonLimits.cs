using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowCenter.Engine.Json;

/// <summary>
/// How deep and how large a value may be that enters an instance (a decision's form values, a start input, an
/// event's payload, a script's result, a file or an answer read by a connector). Every converter that builds
/// values checks against these limits without recursion, so a hostile document ends as a clear error instead of
/// a stack overflow; instances are stored with room above them (<see cref="StorageDepth"/>).
/// </summary>
public static class JsonLimits
{
    /// <summary>Levels of nesting a value may have.</summary>
    public const int MaxDepth = 64;

    /// <summary>Objects, arrays and values one value may hold in all.</summary>
    public const int MaxNodes = 500_000;

    /// <summary>The nesting the instance store reads and writes: a value at <see cref="MaxDepth"/> inside an instance's state.</summary>
    public const int StorageDepth = 256;

    /// <summary>Null when <paramref name="value"/> is within the limits, else what is wrong, naming <paramref name="where"/>.</summary>
    public static string? Check(JsonNode? value, string where)
    {
        if (value is null)
        {
            return null;
        }

        var pending = new Stack<(JsonNode Node, int Depth)>();
        pending.Push((value, 1));
        var count = 0;
        while (pending.TryPop(out var next))
        {
            if (++count > MaxNodes)
            {
                return $"{Capitalized(where)}: more than {MaxNodes:N0} values in all; FlowCenter takes at most {MaxNodes:N0}.";
            }

            if (next.Depth > MaxDepth)
            {
                return $"{Capitalized(where)}: nested deeper than {MaxDepth} levels; FlowCenter takes at most {MaxDepth}.";
            }

            IEnumerable<JsonNode?> children = next.Node switch
            {
                JsonObject obj => obj.Select(p => p.Value),
                JsonArray array => array,
                _ => [],
            };
            foreach (var child in children)
            {
                if (child is not null)
                {
                    pending.Push((child, next.Depth + 1));
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Parses JSON text from outside (an answer, a file, a message) within the limits: text that is not JSON
    /// throws <see cref="JsonException"/> as the parser words it; JSON beyond the limits throws
    /// <see cref="JsonLimitException"/> (a <see cref="JsonException"/>) saying which limit, naming <paramref name="where"/>.
    /// </summary>
    public static JsonNode? Parse(string text, string where)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException) when (DeeperThanTheLimit(text))
        {
            throw new JsonLimitException($"{Capitalized(where)}: nested deeper than {MaxDepth} levels; FlowCenter takes at most {MaxDepth}.");
        }

        return Check(node, where) is { } problem ? throw new JsonLimitException(problem) : node;
    }

    /// <summary>Whether well-formed JSON so far nests deeper than <see cref="MaxDepth"/> (read token by token, without recursion).</summary>
    private static bool DeeperThanTheLimit(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= MaxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed before it got too deep: not JSON, as the parser said.
        }

        return false;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with <see cref="Check"/>'s message when the value is beyond the limits.</summary>
    public static void Ensure(JsonNode? value, string where)
    {
        if (Check(value, where) is { } problem)
        {
            throw new ArgumentException(problem, nameof(value));
        }
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>JSON that is well-formed but beyond <see cref="JsonLimits"/>; the message says which limit and where.</summary>
public sealed class JsonLimitException(string message) : JsonException(message);
