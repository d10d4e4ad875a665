using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Json;

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

        var json = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
        return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
    }
}
