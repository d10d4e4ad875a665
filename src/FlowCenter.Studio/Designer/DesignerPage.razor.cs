using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Serialization;
using FlowCenter.Engine.Validation;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Designer;

/// <summary>
/// The designer: palette, canvas, properties and live validation over one definition. Saving writes a
/// draft (a published version is never changed: the first save after it makes a new version).
/// </summary>
public sealed partial class DesignerPage
{
    private DesignerState? _state;
    private CanvasModel _model = new([], []);
    private IReadOnlyList<ValidationProblem> _problems = [];
    private DesignerCanvas? _canvas;
    private string[] _selectedNodes = [];
    private bool _technical;
    private string[] _selectedEdges = [];
    private string _versionText = "";
    private bool _notFound;
    private bool _jsonView;
    private string? _json;
    private string? _jsonError;
    private int _renderedNodes = -1;
    private string? _linesError;

    [Parameter]
    public string DefinitionId { get; set; } = "";

    [Inject]
    private DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private WorkflowEngine Engine { get; set; } = null!;

    [Inject]
    private ActivityRegistry Activities { get; set; } = null!;

    [Inject]
    private ActivityText Words { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    private NodeDefinition? SelectedNode => _selectedNodes.Length == 1 ? _state?.Definition.Nodes.Find(n => n.Id == _selectedNodes[0]) : null;

    /// <summary>The workflow's variable and input names, for completion in expressions.</summary>
    private string[] Names => _state is null ? [] : [.. _state.Definition.Variables.Select(v => v.Name), .. _state.Definition.Inputs.Select(i => i.Name)];

    private ActivityDescriptor? SelectedDescriptor => SelectedNode is { } node ? Activities.Find(node.Type) : null;

    private ConnectionDefinition? SelectedConnection => _selectedNodes.Length == 0 && _selectedEdges.Length == 1 ? _state?.Definition.Connections.Find(c => c.Id == _selectedEdges[0]) : null;

    protected override async Task OnParametersSetAsync()
    {
        var stored = await Definitions.FindLatestAsync(DefinitionId);
        if (stored is null)
        {
            _notFound = true;
            return;
        }

        _state = new DesignerState(DefinitionService.ParseStored(stored), Activities);
        _versionText = L["Version", stored.Version, L["Status" + stored.Status]];
        Refresh();
    }

    private void Refresh()
    {
        // What a change removed (a delete, an undo) is no longer selected; the canvas keeps the rest selected.
        _selectedNodes = [.. _selectedNodes.Where(id => _state!.Definition.Nodes.Exists(n => n.Id == id))];
        _selectedEdges = [.. _selectedEdges.Where(id => _state!.Definition.Connections.Exists(c => c.Id == id))];
        _problems = Engine.Validator.Validate(_state!.Definition);
        _model = CanvasModelBuilder.Build(_state.Definition, Activities, _problems, Words.Port);
        _json = _state.ToJson();
    }

    private async Task RunAsync(Action<DesignerState> change, bool fit = false)
    {
        change(_state!);
        Refresh();
        StateHasChanged();
        await Task.Yield();
        if (_canvas is not null)
        {
            await _canvas.RenderAsync(fit);
        }
    }

    private void OnRendered(int nodes) => _renderedNodes = nodes;

    private Task OnNodeMovedAsync((string NodeId, double X, double Y) move) => RunAsync(s => s.MoveNode(move.NodeId, move.X, move.Y));

    private Task OnConnectedAsync((string Source, string Port, string Target) c) => RunAsync(s => s.Connect(c.Source, c.Port, c.Target));

    /// <summary>The form designer's result: the form, and the fields' access at this node (empty clears it).</summary>
    private Task OnFormDesignedAsync((string Form, string? Access) designed) => RunAsync(s =>
    {
        s.SetInput(_selectedNodes[0], "form", designed.Form, expression: false);
        if (designed.Access is not null)
        {
            s.SetInput(_selectedNodes[0], "fieldAccess", designed.Access, expression: false);
        }
    });

    private Task OnVerticesChangedAsync((string EdgeId, Engine.Definitions.Point[] Vertices) change) => RunAsync(s => s.SetVertices(change.EdgeId, change.Vertices));

    // A new node is named in the designer's language ("人工审批" in Chinese).
    private Task OnDroppedAsync((string Type, double X, double Y) drop) =>
        RunAsync(s => s.AddNode(drop.Type, drop.X, drop.Y, Activities.Find(drop.Type) is { } descriptor ? Words.Name(descriptor) : null));

    private void OnSelectionChanged((string[] Nodes, string[] Edges) selection)
    {
        (_selectedNodes, _selectedEdges) = (selection.Nodes, selection.Edges);
        StateHasChanged();
    }

    private Task DeleteSelectionAsync() => RunAsync(s => s.Delete(_selectedNodes, _selectedEdges));

    private async Task OnCommandAsync(string command)
    {
        switch (command)
        {
            case "Delete":
                await DeleteSelectionAsync();
                break;
            case "Undo":
                await RunAsync(s => s.Undo());
                break;
            case "Redo":
                await RunAsync(s => s.Redo());
                break;
            case "Copy" or "Paste":
                if (command == "Paste")
                {
                    await RunAsync(s => s.Duplicate(_selectedNodes));
                }

                break;
        }
    }

    private async Task OnProblemClickedAsync(ValidationProblem problem)
    {
        var nodeId = problem.NodeId ?? _state!.Definition.Connections.Find(c => c.Id == problem.ConnectionId)?.Source;
        if (nodeId is not null && _canvas is not null)
        {
            _jsonView = false;
            await _canvas.SelectAsync(nodeId);
        }
    }

    private async Task OnLinesChangedAsync((string Which, string Lines) change)
    {
        try
        {
            await RunAsync(s =>
            {
                if (change.Which == "variables")
                {
                    s.SetVariables(change.Lines);
                }
                else
                {
                    s.SetParameters(change.Lines, outputs: change.Which == "outputs");
                }
            });
            _linesError = null;
        }
        catch (FormatException ex)
        {
            _linesError = ex.Message;
        }
    }

    private async Task OnPathChangedAsync((IReadOnlyList<string> Done, IReadOnlyList<string> Failed, IReadOnlyList<string> Edges) path)
    {
        if (_canvas is not null)
        {
            await _canvas.HighlightAsync(path.Done, path.Failed, path.Edges);
        }
    }

    private Task ExportAsync(bool png) => _canvas!.ExportAsync(DefinitionId + (png ? ".png" : ".svg"), png);

    private async Task ApplyJsonAsync()
    {
        try
        {
            _state!.ApplyJson(_json ?? "");
            _jsonError = null;
            _jsonView = false;
            await RunAsync(_ => { }, fit: true);
        }
        catch (WorkflowFormatException ex)
        {
            _jsonError = ex.Message;
        }
    }

    private async Task<StoredDefinition> SaveCoreAsync()
    {
        var saved = await Definitions.SaveDraftAsync(_state!.Definition);
        _state.MarkSaved();
        _versionText = L["Version", saved.Version, L["Status" + saved.Status]];
        return saved;
    }

    private async Task SaveAsync()
    {
        var saved = await SaveCoreAsync();
        Snackbar.Add(L["Saved", saved.DefinitionId, saved.Version], Severity.Success);
    }

    private async Task PublishAsync()
    {
        var saved = await SaveCoreAsync();
        try
        {
            var published = await Definitions.PublishAsync(saved.DefinitionId, saved.Version);
            _versionText = L["Version", published.Version, L["Status" + published.Status]];
            Snackbar.Add(L["Published", published.DefinitionId, published.Version], Severity.Success);
        }
        catch (WorkflowValidationException ex)
        {
            Snackbar.Add(L["PublishFailed", saved.DefinitionId, string.Join("; ", ex.Problems.Where(p => p.Severity == ProblemSeverity.Error).Take(3))], Severity.Error);
        }
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (_state?.IsDirty == true && await Dialogs.ShowMessageBoxAsync(L["DesignerTitle"], L["UnsavedChanges"], yesText: L["Close"], cancelText: L["Cancel"]) != true)
        {
            context.PreventNavigation();
        }
    }
}
