using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Xml;
using FlowCenter.Engine.Json;

namespace FlowCenter.Engine.Contracts;

/// <summary>
/// How the contracts between the engine and its hosts (bookmark payloads, resume payloads) are written into a
/// bookmark's data and read back: System.Text.Json, camel case, durations as ISO 8601 ("PT1H"), empty parts left out.
/// </summary>
public static class ContractJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new IsoDurationConverter() },
    };

    public static JsonObject ToJson<T>(T contract) => (JsonObject)JsonSerializer.SerializeToNode(contract, Options)!;

    /// <summary>The contract in <paramref name="data"/>; its defaults where data is missing or null.</summary>
    public static T Read<T>(JsonNode? data)
        where T : new()
    {
        if (data is not JsonObject fields)
        {
            return new T();
        }

        // A null stands for "not given" (data written by hand before the contracts had explicit nulls).
        var given = fields.Any(f => f.Value is null) ? new JsonObject(fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value!.DeepClone()))) : fields;
        return given.Deserialize<T>(Options) ?? new T();
    }

    /// <summary>
    /// Durations as ISO 8601 ("PT1H30M"), the form definitions use; reads the .NET form ("01:30:00") too, which
    /// task steps stored before the contracts were written in.
    /// </summary>
    private sealed class IsoDurationConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number
                ? TimeSpan.FromMilliseconds(reader.GetDouble())
                : JsonValues.TryParseDuration(reader.GetString(), out var value) ? value : throw new JsonException($"\"{reader.GetString()}\" is not a duration");

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteStringValue(XmlConvert.ToString(value));
    }
}
