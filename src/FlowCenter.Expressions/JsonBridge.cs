using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Json;
using Jint.Native.Object;
using FlowCenter.Engine.Expressions;
using FlowCenter.Engine.Json;

namespace FlowCenter.Expressions;

/// <summary>Values between JSON nodes and JavaScript: primitives directly, objects and arrays through JSON text.</summary>
internal static class JsonBridge
{
    private const double MaxSafeInteger = 9007199254740991;

    public static JsValue ToJs(JsEngine engine, JsonNode? node)
    {
        if (node is null)
        {
            return JsValue.Null;
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.String => new JsString(node.GetValue<string>()),
            JsonValueKind.Number => new JsNumber(FlowCenter.Engine.Json.JsonValues.NumberOf(node)),
            JsonValueKind.True => JsBoolean.True,
            JsonValueKind.False => JsBoolean.False,
            JsonValueKind.Null => JsValue.Null,
            _ => new JsonParser(engine).Parse(node.ToJsonString()),
        };
    }

    public static JsonNode? FromJs(JsEngine engine, JsValue value)
    {
        if (value.IsNull() || value.IsUndefined())
        {
            return null;
        }

        if (value.IsBoolean())
        {
            return JsonValue.Create(value.AsBoolean());
        }

        if (value.IsNumber())
        {
            var d = value.AsNumber();
            if (double.IsNaN(d) || double.IsInfinity(d))
            {
                return null;
            }

            return Math.Abs(d) <= MaxSafeInteger && d == Math.Floor(d) ? JsonValue.Create((long)d) : JsonValue.Create(d);
        }

        if (value.IsString())
        {
            return JsonValue.Create(value.AsString());
        }

        EnsureWithinLimits(value);
        var json = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
        return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
    }

    /// <summary>
    /// Walks an object or array without recursion before it is serialized (Jint's serializer recurses and a
    /// result nested 20,000 deep would overflow the stack): deeper than <see cref="JsonLimits.MaxDepth"/> or larger
    /// than <see cref="JsonLimits.MaxNodes"/> is refused with a clear error. An object reached again deeper is
    /// walked again, so a cycle ends at the depth limit.
    /// </summary>
    private static void EnsureWithinLimits(JsValue value)
    {
        var deepest = new Dictionary<ObjectInstance, int>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(ObjectInstance Value, int Depth)>();
        if (value is ObjectInstance root)
        {
            pending.Push((root, 1));
        }

        var visits = 0;
        while (pending.TryPop(out var next))
        {
            if (next.Depth > JsonLimits.MaxDepth)
            {
                throw new ExpressionException($"The script's result is nested deeper than {JsonLimits.MaxDepth} levels (or refers to itself); FlowCenter takes at most {JsonLimits.MaxDepth}.");
            }

            if (++visits > JsonLimits.MaxNodes)
            {
                throw new ExpressionException($"The script's result holds more than {JsonLimits.MaxNodes:N0} values; FlowCenter takes at most {JsonLimits.MaxNodes:N0}.");
            }

            if (deepest.TryGetValue(next.Value, out var seen) && seen >= next.Depth)
            {
                continue;
            }

            deepest[next.Value] = next.Depth;
            foreach (var (_, property) in next.Value.GetOwnProperties())
            {
                if (property.Value is ObjectInstance child && child is not Jint.Native.Function.Function)
                {
                    pending.Push((child, next.Depth + 1));
                }
            }
        }
    }
}
