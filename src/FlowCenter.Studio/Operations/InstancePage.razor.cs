using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;
using FlowCenter.Runtime.Audit;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Studio.Designer;
using FlowCenter.Studio.Localization;
using FlowCenter.Studio.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Operations;

/// <summary>
/// One case as operators see it: where it stands on its diagram, every step it ran with times, its variables,
/// open incidents with retry and skip, what operators did to it, and its parent and children. Kept current
/// while open; every action goes through <see cref="InstanceOperations"/>, which checks and logs it.
/// </summary>
public sealed partial class InstancePage
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly CancellationTokenSource _stop = new();
    private WorkflowInstance? _instance;
    private WorkflowDefinition? _definition;
    private Caller _caller = new("", []);
    private Dictionary<string, string> _names = [];
    private IReadOnlyList<string> _done = [];
    private IReadOnlyList<string> _current = [];
    private IReadOnlyList<string> _failed = [];
    private IReadOnlyList<string> _traversed = [];
    private IReadOnlyList<Incident> _open = [];
    private IReadOnlyList<InstanceSummary> _children = [];
    private IReadOnlyList<AuditEntry> _repairs = [];
    private Starter? _startedBy;
    private string? _parentId;
    private string? _stepFilter;
    private string? _skipPort;
    private string? _editing;
    private string? _editValue;
    private string? _editReason;
    private string? _message;
    private Severity _messageSeverity = Severity.Success;
    private bool _busy;
    private bool _suspending;
    private IReadOnlyList<TaskGroup> _tasks = [];
    private Dictionary<string, string> _notes = [];
    private bool _modifying;
    private readonly HashSet<int> _cancelPaths = [];
    private readonly Dictionary<int, string?> _moveTo = [];
    private string? _placeAt;
    private string? _modifyReason;
    private ModificationPlan? _plan;
    private string? _suspendReason;
    private string? _loadedFor;

    [Parameter]
    public string InstanceId { get; set; } = "";

    [Inject]
    private InstanceOperations Operations { get; set; } = null!;

    [Inject]
    private DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private IDirectory Directory { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ActivityText Words { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == InstanceId)
        {
            return;
        }

        var first = _loadedFor is null;
        _loadedFor = InstanceId;
        _caller = await CurrentUser.CallerAsync();
        _names = await DisplayNames.LoadAsync(Directory);
        _editing = null;
        _definition = null;
        await LoadAsync();
        if (first)
        {
            _ = KeepCurrentAsync(_stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }

    private async Task LoadAsync()
    {
        var details = await Operations.GetAsync(InstanceId, _caller);
        _instance = details?.Instance;
        if (details is null || _instance is null)
        {
            return;
        }

        _startedBy = details.StartedBy;

        if (_definition is null)
        {
            _definition = await Definitions.ReadAsync(_instance.DefinitionId, _instance.DefinitionVersion);
            _names = _names.WithEvents(_definition is null ? [] : [_definition]);
        }

        _parentId = _instance.ParentInstanceId;
        _done = [.. _instance.Journal.Where(j => j.Status == JournalStatus.Completed).Select(j => j.NodeId).Distinct()];
        _current = [.. _instance.Tokens.Select(t => t.NodeId).Distinct()];
        _traversed = _definition is null ? [] : ProcessDiagram.TraversedBy(_definition, _instance.Journal);
        _open = [.. _instance.Incidents.Where(i => i.IsOpen)];
        _failed = [.. _open.Select(i => i.NodeId).Distinct()];
        _children = await Operations.ChildrenAsync(InstanceId, _caller);
        _repairs = await Operations.RepairsAsync(InstanceId, _caller);
        _tasks = await Operations.TasksAsync(InstanceId, _caller);
        _notes = NotesFor(_instance.Journal);
        if (_open.Count > 0 && (_skipPort is null || !PortsOf(_open[0].NodeId).Contains(_skipPort)))
        {
            _skipPort = PortsOf(_open[0].NodeId)[0];
        }
    }

    /// <summary>A running case moves on while the page is open; an edit in progress is left alone.</summary>
    private Task KeepCurrentAsync(CancellationToken cancellationToken) => LiveRefresh.RunAsync(() => _instance is { IsFinished: false } && _editing is null && !_busy && !_suspending && !_modifying
        ? InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        })
        : Task.CompletedTask, cancellationToken);

    /// <summary>On each step that ran: how often, and the time spent there (open executions counted to now).</summary>
    private Dictionary<string, string> NotesFor(IReadOnlyList<JournalEntry> journal)
    {
        var now = Clock.GetUtcNow();
        return journal.Where(e => !ModificationOutcomes.IsModification(e.Outcome) && e.Outcome != Ports.Reminder)
            .GroupBy(e => e.NodeId)
            .ToDictionary(g => g.Key, g => L["InstanceNodeNote", g.Count(), Durations.Text(L, TimeSpan.FromTicks(g.Sum(e => ((e.CompletedAt ?? now) - e.StartedAt).Ticks)))].Value);
    }

    /// <summary>A click on a step lists its executions.</summary>
    private void ShowStep(string nodeId) => _stepFilter = _instance?.Journal.Any(e => e.NodeId == nodeId) == true ? nodeId : null;

    private void StartModifying()
    {
        _modifying = true;
        _cancelPaths.Clear();
        _moveTo.Clear();
        _placeAt = null;
        _plan = null;
        _modifyReason = null;
    }

    private void ToggleCancel(int tokenId, bool on)
    {
        _ = on ? _cancelPaths.Add(tokenId) : _cancelPaths.Remove(tokenId);
        _plan = null;
    }

    private void MoveTo(int tokenId, string? nodeId)
    {
        _moveTo[tokenId] = nodeId;
        _cancelPaths.Remove(tokenId);
        _plan = null;
    }

    /// <summary>The modification the form describes: a move cancels its path and places one at the target.</summary>
    private TokenModification Modification() => new()
    {
        Cancel = [.. _cancelPaths, .. _moveTo.Where(m => m.Value is not null).Select(m => m.Key)],
        PlaceAt = [.. _moveTo.Values.OfType<string>(), .. _placeAt is null ? [] : new[] { _placeAt }],
    };

    private Task PreviewModificationAsync() => ActAsync(async () =>
    {
        _plan = await Operations.PlanModificationAsync(InstanceId, Modification(), _caller);
        return null;
    });

    private Task ApplyModificationAsync() => ActAsync(async () =>
    {
        await Operations.ModifyAsync(InstanceId, Modification(), _modifyReason, _caller);
        _modifying = false;
        _plan = null;
        return L["ModifyDone"];
    });

    private string LabelOf(string nodeId) => _definition?.Nodes.Find(n => n.Id == nodeId)?.Label ?? nodeId;

    /// <summary>The ports a skipped step may leave through: those its connections start from.</summary>
    private List<string> PortsOf(string nodeId)
    {
        var ports = _definition?.Connections.Where(c => c.Source == nodeId).Select(c => c.SourcePort).Distinct().ToList() ?? [];
        return ports.Count == 0 ? [Ports.Done] : ports;
    }

    private static string Show(JsonNode? value) => value is null ? "null" : value.ToJsonString(Indented);

    private string RepairText(string action) => action switch
    {
        InstanceOperations.VariableChanged => L["RepairVariable"],
        AuditActions.IncidentRetried => L["RepairRetry"],
        AuditActions.IncidentSkipped => L["RepairSkip"],
        AuditActions.InstanceSuspended => L["RepairSuspend"],
        AuditActions.InstanceResumed => L["RepairResume"],
        AuditActions.InstanceModified => L["RepairModify"],
        _ => L["RepairCancel"],
    };

    /// <summary>Where a step's bar sits on the case's time line, in percent of its whole span.</summary>
    private (double Left, double Width) Bar(JournalEntry entry)
    {
        var start = _instance!.CreatedAt;
        var end = _instance.CompletedAt ?? Clock.GetUtcNow();
        var span = Math.Max(1, (end - start).TotalMilliseconds);
        var left = Math.Clamp((entry.StartedAt - start).TotalMilliseconds / span * 100, 0, 100);
        var width = Math.Clamp(((entry.CompletedAt ?? end) - entry.StartedAt).TotalMilliseconds / span * 100, 0, 100 - left);
        return (left, width);
    }

    private static string BarClass(JournalEntry entry) => "fc-timeline-bar" + entry.Status switch
    {
        JournalStatus.Failed => " fc-bar-failed",
        JournalStatus.Running or JournalStatus.Waiting => " fc-bar-open",
        _ => "",
    };

    private void StartEdit(string name, JsonNode? value)
    {
        _editing = name;
        _editValue = value is JsonValue v && v.TryGetValue(out string? text) ? text : Show(value);
        _editReason = null;
    }

    /// <summary>
    /// The typed value: a text variable takes the words as written; any other reads them as JSON (a number, true,
    /// an object), and a text that is not JSON stays text, which the runtime refuses for a typed variable.
    /// </summary>
    private JsonNode? Parse(string name, string? text)
    {
        var type = _definition?.Variables.Find(v => v.Name == name)?.Type ?? DataType.Any;
        if (type is DataType.String or DataType.DateTime or DataType.Cron || _instance!.Variables.GetValueOrDefault(name) is JsonValue current && current.GetValueKind() == JsonValueKind.String && type == DataType.Any)
        {
            return JsonValue.Create(text ?? "");
        }

        try
        {
            return JsonNode.Parse(string.IsNullOrWhiteSpace(text) ? "null" : text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text ?? "");
        }
    }

    private Task SaveVariableAsync() => ActAsync(async () =>
    {
        var name = _editing!;
        await Operations.SetVariableAsync(InstanceId, name, Parse(name, _editValue), _editReason ?? "", _caller);
        _editing = null;
        return L["InstanceVariableSaved", name];
    });

    private Task RetryAsync(Incident incident) => ActAsync(async () =>
    {
        await Operations.RetryAsync(InstanceId, incident.Id, _caller);
        return L["InstanceRetried"];
    });

    private Task SkipAsync(Incident incident) => ActAsync(async () =>
    {
        await Operations.SkipAsync(InstanceId, incident.Id, _skipPort, _caller);
        return L["InstanceSkipped"];
    });

    private Task SuspendAsync() => ActAsync(async () =>
    {
        await Operations.SuspendAsync(InstanceId, _suspendReason, _caller);
        _suspending = false;
        _suspendReason = null;
        return L["InstanceSuspendDone"];
    });

    private Task ResumeAsync() => ActAsync(async () =>
    {
        await Operations.ResumeAsync(InstanceId, _caller);
        return L["InstanceResumeDone"];
    });

    private async Task CancelAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync(L["InstanceCancel"], L["InstanceCancelQuestion"], yesText: L["InstanceCancel"], cancelText: L["Cancel"]) == true)
        {
            await ActAsync(async () =>
            {
                await Operations.CancelAsync(InstanceId, _caller);
                return L["InstanceCancelDone"];
            });
        }
    }

    /// <summary>One action at a time; what the runtime refuses is shown in a sentence, and the page shows the case as stored after it.</summary>
    private async Task ActAsync(Func<Task<string?>> action)
    {
        _busy = true;
        try
        {
            _message = await action();
            _messageSeverity = Severity.Success;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or KeyNotFoundException or UnauthorizedAccessException)
        {
            _message = L["InstanceActionRefused", ex.Message];
            _messageSeverity = Severity.Error;
        }
        finally
        {
            _busy = false;
        }

        await LoadAsync();
    }
}
