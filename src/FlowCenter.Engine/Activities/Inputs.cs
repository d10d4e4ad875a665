using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Json;

namespace FlowCenter.Engine.Activities;

/// <summary>Factories for typed inputs, declared as static fields of activities.</summary>
public static class Inputs
{
    public static ActivityInput<string?> String(string name, string? description = null, bool required = false, string? defaultValue = null, IReadOnlyList<string>? choices = null, bool literalOnly = false) =>
        new(name, DataType.String, JsonValues.ToText)
        {
            Description = description,
            Required = required,
            Default = defaultValue is null ? null : JsonValue.Create(defaultValue),
            Choices = choices,
            LiteralOnly = literalOnly || choices is not null,
        };

    public static ActivityInput<string?> Script(string name, string? description = null) =>
        new(name, DataType.Script, JsonValues.ToText) { Description = description, Required = true, LiteralOnly = true };

    public static ActivityInput<string?> Cron(string name, string? description = null) =>
        new(name, DataType.Cron, JsonValues.ToText) { Description = description, Required = true, LiteralOnly = true };

    public static ActivityInput<int> Integer(string name, string? description = null, int? defaultValue = null, bool literalOnly = false) =>
        new(name, DataType.Integer, JsonValues.ToInteger)
        {
            Description = description,
            Default = defaultValue is null ? null : JsonValue.Create(defaultValue.Value),
            LiteralOnly = literalOnly,
        };

    public static ActivityInput<double> Number(string name, string? description = null, double? defaultValue = null, bool literalOnly = false) =>
        new(name, DataType.Number, static v => v is null ? 0 : JsonValues.ToNumber(v))
        {
            Description = description,
            Default = defaultValue is null ? null : JsonValue.Create(defaultValue.Value),
            LiteralOnly = literalOnly,
        };

    public static ActivityInput<bool> Boolean(string name, string? description = null, bool? defaultValue = null, bool required = false, bool literalOnly = false) =>
        new(name, DataType.Boolean, JsonValues.ToBoolean)
        {
            Description = description,
            Required = required,
            Default = defaultValue is null ? null : JsonValue.Create(defaultValue.Value),
            LiteralOnly = literalOnly,
        };

    public static ActivityInput<TimeSpan> Duration(string name, string? description = null, bool required = false) =>
        new(name, DataType.Duration, JsonValues.ToDuration) { Description = description, Required = required };

    public static ActivityInput<DateTimeOffset> DateTime(string name, string? description = null, bool required = false) =>
        new(name, DataType.DateTime, JsonValues.ToDateTime) { Description = description, Required = required };

    public static ActivityInput<IReadOnlyList<string>> StringList(string name, string? description = null, IReadOnlyList<string>? defaultValue = null, bool literalOnly = false) =>
        new(name, DataType.StringList, JsonValues.ToStringList)
        {
            Description = description,
            Default = defaultValue is null ? null : new JsonArray([.. defaultValue.Select(v => JsonValue.Create(v))]),
            LiteralOnly = literalOnly,
        };

    public static ActivityInput<JsonNode?> Any(string name, string? description = null, bool required = false) =>
        new(name, DataType.Any, static v => v) { Description = description, Required = required };

    public static ActivityInput<JsonArray?> Array(string name, string? description = null, bool required = false) =>
        new(name, DataType.Array, static v => v switch
        {
            null => null,
            JsonArray a => a,
            _ => throw new FormatException($"expected an array, got {JsonValues.Describe(v)}"),
        })
        { Description = description, Required = required };

    public static ActivityInput<JsonObject?> Object(string name, string? description = null, bool literalOnly = false) =>
        new(name, DataType.Object, static v => v switch
        {
            null => null,
            JsonObject o => o,
            _ => throw new FormatException($"expected an object, got {JsonValues.Describe(v)}"),
        })
        { Description = description, LiteralOnly = literalOnly };
}
