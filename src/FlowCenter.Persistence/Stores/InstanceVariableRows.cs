using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Json;
using FlowCenter.Persistence.Records;

namespace FlowCenter.Persistence.Stores;

/// <summary>
/// The searchable rows of an instance's variables, written in the transaction that saves the instance, and of the
/// values it was started with (its start form's fields), named <c>input.&lt;name&gt;</c> as expressions read them.
/// </summary>
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

    /// <summary>
    /// The rows of the values the instance was started with. They are written once, with the new instance (a
    /// case's input does not change), under names no variable can have (a variable's name has no dot).
    /// </summary>
    public static IEnumerable<InstanceVariableRecord> InputRows(string instanceId, IReadOnlyDictionary<string, JsonNode?> input, bool live) =>
        input.Select(p => (Name: Runtime.Instances.VariableCondition.InputPrefix + p.Key, p.Value))
            .Where(p => Searchable(p.Name))
            .Select(p => Row(instanceId, p.Name, p.Value, live));

    private static string Cut(string text) => text.Length <= TextLength ? text : text[..TextLength];
}
