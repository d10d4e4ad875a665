using System.Reflection;
using System.Text.Json.Serialization;

namespace FlowCenter.Engine.Contracts;

/// <summary>The names the contracts' enums have in JSON and in definitions (<c>nodeAssignee</c>, <c>sequential</c>).</summary>
public static class ContractNames
{
    public static string Of<T>(T value)
        where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString();

    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(Of)];

    /// <summary>The value named <paramref name="name"/>; the enum's first (its default) when empty.</summary>
    public static T Parse<T>(string? name)
        where T : struct, Enum =>
        string.IsNullOrEmpty(name) ? default
        : Enum.GetValues<T>().FirstOrDefault(v => string.Equals(Of(v), name, StringComparison.OrdinalIgnoreCase)) is var found && string.Equals(Of(found), name, StringComparison.OrdinalIgnoreCase)
            ? found
            : throw new Execution.ActivityException($"'{name}' is not one of {string.Join(", ", All<T>())}.");
}
