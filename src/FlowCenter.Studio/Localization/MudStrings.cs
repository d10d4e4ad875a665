using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Localization;

/// <summary>
/// MudBlazor's own words (a field's "Required", a number field's "Not a valid number", a table's "Select all rows",
/// a dialog's "Close") in the UI's language: MudStrings.resx holds MudBlazor's English, MudStrings.zh-CN.resx the
/// Chinese. The components the Studio does not use (data grid, colour picker, carousel, heat map) are left out.
/// </summary>
public sealed class MudStrings;

/// <summary>Hands MudBlazor the Studio's translations of its words; MudBlazor keeps its English for English.</summary>
internal sealed class StudioMudLocalizer(IStringLocalizer<MudStrings> words) : MudLocalizer
{
    public override LocalizedString this[string key] => words[key];

    public override LocalizedString this[string key, params object[] arguments] => words[key, arguments];
}
