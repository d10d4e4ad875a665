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

    private string? Get(string key) => localizer[key] is { ResourceNotFound: false } text ? text.Value : null;
}
