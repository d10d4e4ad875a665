using FlowCenter.Runtime.Definitions;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Processes;

/// <summary>Every version of a process: view one, compare two line by line, revert one into a new draft.</summary>
public sealed partial class VersionsDialog
{
    private List<StoredDefinition> _versions = [];
    private readonly List<int> _selected = [];
    private IReadOnlyList<DiffLine>? _diff;
    private string? _diffTitle;
    private string? _viewing;

    [CascadingParameter]
    private IMudDialogInstance MudDialog { get; set; } = null!;

    [Parameter]
    [EditorRequired]
    public string DefinitionId { get; set; } = "";

    [Inject]
    private DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    protected override async Task OnInitializedAsync() => await ReloadAsync();

    private async Task ReloadAsync() => _versions = [.. (await Definitions.ListVersionsAsync(DefinitionId)).OrderByDescending(v => v.Version)];

    private void View(StoredDefinition version)
    {
        _diff = null;
        _viewing = version.Json;
    }

    private void Select(int version, bool on)
    {
        _selected.Remove(version);
        if (on)
        {
            _selected.Add(version);
        }

        while (_selected.Count > 2)
        {
            _selected.RemoveAt(0);
        }

        if (_selected.Count == 2)
        {
            var (older, newer) = (_versions.Single(v => v.Version == _selected.Min()), _versions.Single(v => v.Version == _selected.Max()));
            _diffTitle = L["CompareTitle", older.Version, newer.Version];
            _diff = LineDiff.Compare(older.Json, newer.Json);
        }
        else
        {
            _diff = null;
        }
    }

    private async Task RevertAsync(StoredDefinition version)
    {
        var draft = await Definitions.RevertAsync(DefinitionId, version.Version);
        Snackbar.Add(L["Reverted", version.Version, draft.Version], Severity.Success);
        await ReloadAsync();
    }
}
