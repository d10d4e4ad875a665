using FlowCenter.Engine.Activities;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Designer;

/// <summary>Every registered activity by category, searchable, dragged onto the canvas; new activities appear without changes here.</summary>
public sealed partial class Palette
{
    private string? _search;

    [Parameter]
    [EditorRequired]
    public ActivityRegistry Activities { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    [Inject]
    private ActivityText Text { get; set; } = null!;

    private IEnumerable<IGrouping<string, ActivityDescriptor>> Groups => Activities.All
        .Where(a => string.IsNullOrWhiteSpace(_search)
            || a.DisplayName.Contains(_search, StringComparison.CurrentCultureIgnoreCase)
            || Text.Name(a).Contains(_search, StringComparison.CurrentCultureIgnoreCase)
            || a.TypeName.Contains(_search, StringComparison.OrdinalIgnoreCase)
            || (a.Description ?? "").Contains(_search, StringComparison.CurrentCultureIgnoreCase))
        .OrderBy(a => a.Category, StringComparer.Ordinal).ThenBy(a => Text.Name(a), StringComparer.CurrentCulture)
        .GroupBy(a => a.Category);
}
