using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Layout;

public sealed partial class MainLayout
{
    private readonly MudTheme _theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1565c0", AppbarBackground = "#1565c0", Secondary = "#546e7a" },
        PaletteDark = new PaletteDark { Primary = "#64b5f6", Secondary = "#90a4ae" },
    };

    private bool _dark;
    private bool _drawerOpen = true;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private string CultureLink(string culture) =>
        $"culture?set={Uri.EscapeDataString(culture)}&redirect={Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri))}";
}
