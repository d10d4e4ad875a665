using FlowCenter.Runtime.Definitions;
using FlowCenter.Studio.Localization;
using FlowCenter.Studio.Processes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Designer;

/// <summary>The designer's start: the processes changed last, to open, or a new one straight onto the canvas.</summary>
public sealed partial class DesignerHome
{
    private List<StoredDefinition>? _rows;
    private Dictionary<string, string> _names = [];

    [Inject]
    private DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _rows = [.. (await Definitions.ListLatestAsync()).OrderByDescending(r => r.PublishedAt ?? r.CreatedAt).Take(24)];
        _names = ShownNames.Of(_rows);
    }

    private async Task CreateAsync()
    {
        var taken = (await Definitions.ListLatestAsync()).Select(r => r.DefinitionId).ToHashSet();
        var dialog = await Dialogs.ShowAsync<NewProcessDialog>(L["NewProcessTitle"], new DialogParameters<NewProcessDialog> { { d => d.TakenIds, taken } });
        if (await dialog.Result is { Canceled: false, Data: NewProcessDialog.Answer answer })
        {
            await Definitions.SaveDraftAsync(answer.ToDefinition());
            Navigation.NavigateTo($"designer/{Uri.EscapeDataString(answer.Id)}");
        }
    }

    private string StatusText(DefinitionStatus status) => L["Status" + status];
}
