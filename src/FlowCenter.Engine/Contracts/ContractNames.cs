using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FlowCenter.Engine.Contracts;

/// <summary>The names the contracts' enums have in JSON and in definitions (<c>nodeAssignee</c>, <c>sequential</c>).</summary>
public static class ContractNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => Names<T>.ByValue.TryGetValue(value, out var name) ? name : value.ToString();

    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Names<T>.All;

    /// <summary>The value named <paramref name="name"/>; the enum's first (its default) when empty.</summary>
    public static T Parse<T>(string? name)
        where T : struct, Enum =>
        string.IsNullOrEmpty(name) ? default
        : Names<T>.ByName.TryGetValue(name, out var value) ? value
        : throw new Execution.ActivityException($"'{name}' is not one of {string.Join(", ", All<T>())}.");

    /// <summary>An enum's names, read from its attributes once (every bookmark and task step is read through them).</summary>
    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ByValue = Enum.GetValues<T>().ToDictionary(
            v => v,
            v => typeof(T).GetField(v.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? v.ToString());

        public static readonly Dictionary<string, T> ByName = ByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

        public static readonly IReadOnlyList<string> All = [.. ByValue.Values];
    }
}

/// <summary>
/// A contract enum by its name (<see cref="ContractNames"/>); an empty name is the enum's default, as a node
/// that left the setting empty means. Another unknown name is refused.
/// </summary>
public sealed class ContractEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return ContractNames.Parse<T>(reader.GetString());
        }
        catch (Execution.ActivityException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(ContractNames.Of(value));
}

/// <summary>Button labels by outcome: the texts kept, anything else a node wrote there (a number, an object) left out.</summary>
public sealed class TextLabelsConverter : JsonConverter<IReadOnlyDictionary<string, string>>
{
    public override IReadOnlyDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonNode.Parse(ref reader) is JsonObject labels
            ? labels.Where(l => l.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0)
                .ToDictionary(l => l.Key, l => l.Value!.GetValue<string>(), StringComparer.Ordinal)
            : new Dictionary<string, string>();

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (outcome, label) in value)
        {
            writer.WriteString(outcome, label);
        }

        writer.WriteEndObject();
    }
}
