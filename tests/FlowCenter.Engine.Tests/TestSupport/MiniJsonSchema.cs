using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowCenter.Engine.Tests.TestSupport;

/// <summary>
/// Checks a document against the JSON Schema keywords that System.Text.Json's exporter writes
/// (type, properties, required, additionalProperties, items, enum, $ref). No validator package restores here.
/// </summary>
public static class MiniJsonSchema
{
    public static List<string> Validate(JsonNode schemaRoot, JsonNode? document)
    {
        var errors = new List<string>();
        Check(schemaRoot, schemaRoot, document, "$", errors);
        return errors;
    }

    private static void Check(JsonNode root, JsonNode? schema, JsonNode? value, string path, List<string> errors)
    {
        if (schema is JsonValue boolean && boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            if (boolean.GetValueKind() == JsonValueKind.False)
            {
                errors.Add($"{path}: not allowed");
            }

            return;
        }

        if (schema is not JsonObject rules)
        {
            return;
        }

        if (rules["$ref"]?.GetValue<string>() is { } reference)
        {
            Check(root, Resolve(root, reference), value, path, errors);
        }

        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        if (rules["type"] is { } type && !TypeMatches(type, kind, value))
        {
            errors.Add($"{path}: expected {type.ToJsonString()}, got {kind}");
            return;
        }

        if (rules["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            errors.Add($"{path}: {value?.ToJsonString()} is not one of {options.ToJsonString()}");
        }

        if (value is JsonObject obj)
        {
            var properties = rules["properties"] as JsonObject ?? [];
            foreach (var required in rules["required"]?.AsArray() ?? [])
            {
                if (!obj.ContainsKey(required!.GetValue<string>()))
                {
                    errors.Add($"{path}: missing {required}");
                }
            }

            foreach (var (name, child) in obj)
            {
                if (properties[name] is { } propertySchema)
                {
                    Check(root, propertySchema, child, $"{path}.{name}", errors);
                }
                else if (rules["additionalProperties"] is { } additional)
                {
                    Check(root, additional, child, $"{path}.{name}", errors);
                }
            }
        }

        if (value is JsonArray array && rules["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(root, items, array[i], $"{path}[{i}]", errors);
            }
        }
    }

    private static bool TypeMatches(JsonNode type, JsonValueKind kind, JsonNode? value) => type switch
    {
        JsonArray any => any.Any(t => TypeMatches(t!, kind, value)),
        _ => type.GetValue<string>() switch
        {
            "null" => kind == JsonValueKind.Null,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            "string" => kind == JsonValueKind.String,
            "number" => kind == JsonValueKind.Number,
            "integer" => kind == JsonValueKind.Number && value!.GetValue<double>() % 1 == 0,
            _ => false,
        },
    };

    private static JsonNode? Resolve(JsonNode root, string reference)
    {
        JsonNode? node = root;
        foreach (var part in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonArray a ? a[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)] : node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node;
    }
}
