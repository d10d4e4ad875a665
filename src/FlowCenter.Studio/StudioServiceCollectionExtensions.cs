using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;

namespace FlowCenter.Studio;

public static class StudioServiceCollectionExtensions
{
    /// <summary>The Studio's UI services: MudBlazor and localization of its resource files (MudBlazor's own words too).</summary>
    public static IServiceCollection AddFlowCenterStudio(this IServiceCollection services)
    {
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight);
        services.AddLocalization();
        services.AddTransient<MudLocalizer, Localization.StudioMudLocalizer>();
        services.TryAddScoped<Tasks.CurrentUser>();
        services.TryAddTransient<Designer.ActivityText>();
        services.TryAddTransient<Designer.ProblemText>();
        services.TryAddTransient<Processes.ImportNoteText>();
        services.TryAddScoped<Designer.OrganisationChoices>();
        return services;
    }
}
