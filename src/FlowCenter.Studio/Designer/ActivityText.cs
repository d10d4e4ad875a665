using FlowCenter.Engine.Activities;
using FlowCenter.Studio.Localization;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Designer;

/// <summary>An activity's words in the user's language: from ActivityStrings, else from its metadata (English).</summary>
public sealed class ActivityText(IStringLocalizer<ActivityStrings> localizer)
{
    public string Name(ActivityDescriptor activity) => Get(activity.TypeName) ?? activity.DisplayName;

    public string? Description(ActivityDescriptor activity) => Get(activity.TypeName + ".Description") ?? activity.Description;

    public string Category(string category) => Get("Category." + category) ?? category;

    /// <summary>An input's label; the input's own name when there is none.</summary>
    public string Input(ActivityDescriptor activity, InputDescriptor input) => Get($"{activity.TypeName}.{input.Name}") ?? input.Name;

    public string? InputDescription(ActivityDescriptor activity, InputDescriptor input) => Get($"{activity.TypeName}.{input.Name}.Description") ?? input.Description;

    /// <summary>A choice of an input in the user's words ("T.input.choice", else "Choice.choice"), else as written.</summary>
    public string Choice(ActivityDescriptor activity, InputDescriptor input, string choice) =>
        Get($"{activity.TypeName}.{input.Name}.{choice}") ?? Get("Choice." + choice) ?? choice;

    /// <summary>
    /// What a port says on the canvas: a known outcome in the user's language ("Port.approve"), a free branch as
    /// "Branch 2", anything else (an outcome the designer named) as it was written.
    /// </summary>
    public string Port(string port) => Port(null, port);

    /// <summary>As <see cref="Port(string)"/>, with the node's own label of an outcome first (a user task's button text).</summary>
    public string Port(Engine.Definitions.NodeDefinition? node, string port)
    {
        if (node?.Inputs.GetValueOrDefault("outcomeLabels")?.Literal is System.Text.Json.Nodes.JsonObject labels
            && labels[port] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var own) && own.Length > 0)
        {
            return own;
        }

        if (Get("Port." + port) is { } known)
        {
            return known;
        }

        return port.StartsWith("branch", StringComparison.Ordinal) && int.TryParse(port.AsSpan(6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && Get("Port.branch") is { } branch
            ? string.Format(System.Globalization.CultureInfo.CurrentCulture, branch, number)
            : port;
    }

    private string? Get(string key) => localizer[key] is { ResourceNotFound: false } text ? text.Value : null;
}
