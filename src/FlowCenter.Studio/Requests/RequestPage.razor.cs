using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Studio.Localization;
using FlowCenter.Studio.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Requests;

/// <summary>A request as its initiator (or someone copied) follows it: where it is, and every decision so far.</summary>
public sealed partial class RequestPage
{
    private WorkflowInstance? _instance;
    private WorkflowDefinition? _definition;
    private IReadOnlyList<TaskHistoryEntry> _history = [];
    private Dictionary<string, string> _names = [];
    private IReadOnlyList<string> _done = [];
    private IReadOnlyList<string> _current = [];
    private IReadOnlyList<string> _failed = [];
    private IReadOnlyList<string> _traversed = [];
    private IReadOnlyList<Incident> _held = [];
    private IReadOnlyList<JournalEntry> _steps = [];
    private bool _isOperator;

    [Parameter]
    public string InstanceId { get; set; } = "";

    [Inject]
    private CaseReader Cases { get; set; } = null!;

    [Inject]
    private FlowCenter.Studio.Tasks.CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private IDirectory Directory { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    private Named StatusText => _instance is null ? Named.Plain("") : StatusWords.OfCase(L, _instance.Status, _held.Count > 0,
        (_held.Count > 0 ? _held.Select(i => i.NodeId) : _current).Select(LabelOf));

    protected override async Task OnParametersSetAsync()
    {
        var user = await CurrentUser.GetAsync();
        var caller = new Caller(user.Name, user.Roles);
        _instance = await Cases.GetInstanceAsync(InstanceId, caller);
        if (_instance is null)
        {
            return;
        }

        _definition = await Definitions.ReadAsync(_instance.DefinitionId, _instance.DefinitionVersion);
        _history = await Cases.HistoryAsync(InstanceId, caller);
        _names = (await FlowCenter.Studio.Tasks.DisplayNames.LoadAsync(Directory)).WithEvents(_definition is null ? [] : [_definition]);
        _done = [.. _instance.Journal.Where(j => j.Status == JournalStatus.Completed).Select(j => j.NodeId).Distinct()];
        _current = [.. _instance.Bookmarks.Select(b => b.NodeId).Distinct()];
        _held = [.. _instance.Incidents.Where(i => i.IsOpen)];
        _failed = [.. _held.Select(i => i.NodeId).Distinct()];
        _steps = [.. _instance.Journal.OrderBy(j => j.Sequence)];
        _traversed = _definition is null ? [] : ProcessDiagram.TraversedBy(_definition, _steps);
        _isOperator = caller.IsOperator;
    }

    /// <summary>A step's name as the process designer wrote it (its id only when the node is gone).</summary>
    private string LabelOf(string nodeId) => _definition?.Nodes.Find(d => d.Id == nodeId)?.Label ?? nodeId;

}
