using FlowCenter.Engine.Validation;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Processes;

/// <summary>Every process with its latest version: search, create, import, export, clone, delete, versions, publish and retract.</summary>
public sealed partial class ProcessList
{
    private List<StoredDefinition>? _rows;
    private string? _search;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    private Dictionary<string, string> _shownNames = [];

    // Found by the name shown (the UI's language), the stored name or the id.
    private IEnumerable<StoredDefinition> Visible => (_rows ?? []).Where(r =>
        string.IsNullOrWhiteSpace(_search)
        || r.Name.Contains(_search, StringComparison.CurrentCultureIgnoreCase)
        || ShownName(r).Contains(_search, StringComparison.CurrentCultureIgnoreCase)
        || r.DefinitionId.Contains(_search, StringComparison.OrdinalIgnoreCase));

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        _rows = [.. await Definitions.ListLatestAsync()];
        _shownNames = ShownNames.Of(_rows);
    }

    /// <summary>The process's name in the UI's language (a definition may carry a translation).</summary>
    private string ShownName(StoredDefinition row) => _shownNames.GetValueOrDefault(row.DefinitionId, row.Name);

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<NewProcessDialog>(L["NewProcessTitle"], new DialogParameters<NewProcessDialog> { { d => d.TakenIds, _rows?.Select(r => r.DefinitionId).ToHashSet() ?? [] } });
        if (await dialog.Result is { Canceled: false, Data: NewProcessDialog.Answer answer })
        {
            await Definitions.SaveDraftAsync(answer.ToDefinition());
            Snackbar.Add(L["Created", answer.Id], Severity.Success);
            Navigation.NavigateTo($"designer/{Uri.EscapeDataString(answer.Id)}");
        }
    }

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        var parameters = new DialogParameters<ImportDialog> { { d => d.File, file } };
        var dialog = await Dialogs.ShowAsync<ImportDialog>(L["ImportTitle"], parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: StoredDefinition saved })
        {
            Snackbar.Add(L["Imported", saved.DefinitionId, saved.Version], Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task PublishAsync(StoredDefinition row)
    {
        try
        {
            await Definitions.PublishAsync(row.DefinitionId, row.Version);
            Snackbar.Add(L["Published", row.DefinitionId, row.Version], Severity.Success);
        }
        catch (WorkflowValidationException ex)
        {
            Snackbar.Add(L["PublishFailed", row.DefinitionId, string.Join("; ", ex.Problems.Where(p => p.Severity == ProblemSeverity.Error))], Severity.Error);
        }

        await ReloadAsync();
    }

    private async Task RetractAsync(StoredDefinition row)
    {
        await Definitions.RetractAsync(row.DefinitionId, row.Version);
        Snackbar.Add(L["Retracted", row.DefinitionId, row.Version], Severity.Info);
        await ReloadAsync();
    }

    private async Task CloneAsync(StoredDefinition row)
    {
        var dialog = await Dialogs.ShowAsync<NewProcessDialog>(L["Clone"], new DialogParameters<NewProcessDialog>
        {
            { d => d.TakenIds, _rows?.Select(r => r.DefinitionId).ToHashSet() ?? [] },
            { d => d.SuggestedId, row.DefinitionId + "-copy" },
            { d => d.SuggestedName, row.Name },
        });
        if (await dialog.Result is { Canceled: false, Data: NewProcessDialog.Answer answer })
        {
            var copy = DefinitionService.ParseStored(row);
            copy.Id = answer.Id;
            copy.Name = answer.Name;
            await Definitions.SaveDraftAsync(copy);
            Snackbar.Add(L["Cloned", answer.Id], Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task DeleteAsync(StoredDefinition row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["DeleteTitle"], L["DeleteConfirm", row.Name], yesText: L["Delete"], cancelText: L["Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        try
        {
            await Definitions.DeleteAsync(row.DefinitionId);
            Snackbar.Add(L["Deleted", row.Name], Severity.Success);
        }
        catch (DefinitionVersionException)
        {
            Snackbar.Add(L["DeleteRefused", row.Name], Severity.Warning);
        }

        await ReloadAsync();
    }

    private async Task ShowVersionsAsync(StoredDefinition row)
    {
        var dialog = await Dialogs.ShowAsync<VersionsDialog>(L["VersionsTitle", row.Name], new DialogParameters<VersionsDialog> { { d => d.DefinitionId, row.DefinitionId } }, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true });
        await dialog.Result;
        await ReloadAsync();
    }

    /// <summary>The version as a file: format json (FlowCenter's), bpmn or elsa.</summary>
    private static string ExportLink(StoredDefinition row, string format) => $"api/definitions/{Uri.EscapeDataString(row.DefinitionId)}/versions/{row.Version}/export?format={format}";

    private static Color StatusColor(DefinitionStatus status) => status switch
    {
        DefinitionStatus.Published => Color.Success,
        DefinitionStatus.Draft => Color.Warning,
        _ => Color.Default,
    };

    private string StatusText(DefinitionStatus status) => L["Status" + status];
}
