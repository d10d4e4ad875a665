using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Json;
using FlowCenter.Persistence.Records;

namespace FlowCenter.Persistence.Stores;

/// <summary>The searchable rows of an instance's variables, written in the transaction that saves the instance.</summary>
internal static class InstanceVariableRows
{
    /// <summary>How much of a value a filter sees: enough for codes, keys, names and short texts.</summary>
    public const int TextLength = 200;

    /// <summary>Names longer than an id are not searchable (a designer names variables like identifiers).</summary>
    public const int NameLength = 100;

    public static InstanceVariableRecord Row(string instanceId, string name, JsonNode? value, bool live)
    {
        var kind = JsonValues.KindOf(value);
        return new InstanceVariableRecord
        {
            InstanceId = instanceId,
            Name = name,
            Live = live,
            Kind = (int)(kind switch
            {
                JsonValueKind.String => VariableKind.Text,
                JsonValueKind.Number => VariableKind.Number,
                JsonValueKind.True or JsonValueKind.False => VariableKind.Boolean,
                JsonValueKind.Null or JsonValueKind.Undefined => VariableKind.Null,
                _ => VariableKind.Structure,
            }),
            Text = kind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => Cut(value!.GetValue<string>()),
                JsonValueKind.Number => JsonValues.NumberOf(value!).ToString("R", CultureInfo.InvariantCulture),
                _ => Cut(value!.ToJsonString()),
            },
            Number = kind == JsonValueKind.Number && double.IsFinite(JsonValues.NumberOf(value!)) ? JsonValues.NumberOf(value!) : null,
        };
    }

    public static bool Searchable(string name) => name.Length <= NameLength;

    private static string Cut(string text) => text.Length <= TextLength ? text : text[..TextLength];
}
