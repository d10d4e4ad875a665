using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Serialization;

/// <summary>
/// The JSON form of definitions and instance state: camelCase, properties in declaration order, empty
/// collections and nulls left out, two-space indentation, LF line ends and readable Chinese text, so that a
/// file loaded and saved again keeps its bytes. Unknown properties are errors.
/// </summary>
public static class WorkflowJson
{
    /// <summary>The largest definition file accepted.</summary>
    public const int MaxDefinitionBytes = 8 * 1024 * 1024;

    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: true);

    /// <summary>The same form on one line, for storing instance state.</summary>
    public static JsonSerializerOptions CompactOptions { get; } = CreateOptions(indented: false);

    public static WorkflowDefinition ParseDefinition(string json, string? source = null)
    {
        var name = source ?? "the definition";
        if (json.Length > MaxDefinitionBytes)
        {
            throw new WorkflowFormatException($"{name} is {json.Length / 1024} KiB; the limit is {MaxDefinitionBytes / (1024 * 1024)} MiB.");
        }

        WorkflowDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : "";
            var path = string.IsNullOrEmpty(ex.Path) ? "" : $" ({ex.Path})";
            throw new WorkflowFormatException($"{name} is not a valid FlowCenter definition{where}{path}: {FirstSentence(ex.Message)}", ex);
        }

        if (definition is null)
        {
            throw new WorkflowFormatException($"{name} is empty (null).");
        }

        if (definition.SchemaVersion is < 1 or > WorkflowSchema.CurrentVersion)
        {
            throw new WorkflowFormatException($"{name} has schemaVersion {definition.SchemaVersion}; this FlowCenter reads versions 1 to {WorkflowSchema.CurrentVersion}.");
        }

        return definition;
    }

    public static string Write(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options) + "\n";

    public static string WriteInstance(WorkflowInstance instance) => JsonSerializer.Serialize(instance, Options);

    public static WorkflowInstance ParseInstance(string json) =>
        JsonSerializer.Deserialize<WorkflowInstance>(json, Options) ?? throw new WorkflowFormatException("The instance state is empty.");

    /// <summary>The JSON Schema of the definition form, generated from the model so the two cannot drift apart.</summary>
    public static string GetSchema()
    {
        var schema = Options.GetJsonSchemaAsNode(typeof(WorkflowDefinition), new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true }).AsObject();
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://flowcenter.dev/schema/workflow-v" + WorkflowSchema.CurrentVersion + ".json",
            ["title"] = "FlowCenter workflow definition",
        };
        foreach (var (name, value) in schema.ToList())
        {
            schema.Remove(name);
            root[name] = value;
        }

        return root.ToJsonString(Options) + "\n";
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = indented,
            IndentSize = 2,
            NewLine = "\n",
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
            // Instances are stored in the compact form: room for a value at the accepted depth inside their state.
            MaxDepth = indented ? 0 : Json.JsonLimits.StorageDepth,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipEmptyCollections } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    private static void SkipEmptyCollections(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType != typeof(string) && typeof(System.Collections.ICollection).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = static (_, value) => value is System.Collections.ICollection { Count: > 0 };
            }
        }
    }
}
