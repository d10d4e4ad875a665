using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
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

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    private IJSObjectReference? _themeModule;

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    // The chosen theme is kept in the browser (as the language is kept in a cookie) and comes back on every page.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _themeModule = await JS.InvokeAsync<IJSObjectReference>("import", "./_content/FlowCenter.Studio/theme.js");
        if (await _themeModule.InvokeAsync<string?>("get") == "dark" && !_dark)
        {
            _dark = true;
            StateHasChanged();
        }
    }

    private async Task ToggleThemeAsync()
    {
        _dark = !_dark;
        if (_themeModule is not null)
        {
            await _themeModule.InvokeVoidAsync("set", _dark ? "dark" : "light");
        }
    }

    private string CultureLink(string culture) =>
        $"culture?set={Uri.EscapeDataString(culture)}&redirect={Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri))}";
}
