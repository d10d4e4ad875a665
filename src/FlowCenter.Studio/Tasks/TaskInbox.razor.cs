using FlowCenter.Engine.Contracts;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Tasks;

/// <summary>The inbox: to do, the pool to claim from, done, copied to me, started by me; search, filter, batch approve.</summary>
public sealed partial class TaskInbox : IDisposable
{
    private static readonly string[] Tabs = ["todo", "pool", "done", "copied", "started"];

    private UserInfo _user = new("", "", []);
    private Page<TaskListItem>? _todo;
    private Page<TaskListItem>? _pool;
    private Page<TaskListItem>? _done;
    private Page<CarbonCopy>? _copies;
    private List<StartedRow> _started = [];
    private HashSet<TaskListItem> _selected = [];
    private Dictionary<string, string> _processNames = [];
    private Dictionary<string, Dictionary<string, string>> _stepNames = [];
    private Dictionary<string, string> _names = [];
    private string? _search;
    private string? _process;
    private string? _batchComment;
    private int _tab;

    [Inject]
    private TaskService Tasks { get; set; } = null!;

    [Inject]
    private FlowCenter.Runtime.Notifications.NotificationSignal Signal { get; set; } = null!;

    [Inject]
    private IWorkflowRuntime Runtime { get; set; } = null!;

    [Inject]
    private DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private IDirectory Directory { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "tab")]
    private string? Tab { get; set; }

    private DateTimeOffset Now => Clock.GetUtcNow();

    protected override async Task OnInitializedAsync()
    {
        _tab = Math.Max(0, Array.IndexOf(Tabs, Tab ?? "todo"));
        _user = await CurrentUser.GetAsync();
        // Each process's name in the UI's language (a definition may carry a translation).
        var latest = (await Definitions.ReadLatestAsync()).ToList();
        _processNames = latest.ToDictionary(d => d.Id, d => d.NameFor(System.Globalization.CultureInfo.CurrentUICulture), StringComparer.Ordinal);
        _stepNames = Operations.FilterWords.StepNames(latest);
        _names = (await DisplayNames.LoadAsync(Directory)).WithEvents(latest);
        await LoadAsync();
        Signal.Changed += OnSignal;
    }

    /// <summary>News for this user (a new task, a decision on their request): the lists update by themselves.</summary>
    private void OnSignal(IReadOnlyCollection<string> users)
    {
        if (users.Contains(_user.Name, StringComparer.OrdinalIgnoreCase))
        {
            _ = InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
    }

    public void Dispose() => Signal.Changed -= OnSignal;

    private async Task LoadAsync()
    {
        TaskQuery Query(TaskBox box) => new(box, _user.Name) { Roles = _user.Roles, Search = _search, DefinitionId = _process };
        _todo = await Tasks.QueryAsync(Query(TaskBox.ToDo));
        _pool = await Tasks.QueryAsync(Query(TaskBox.Pool));
        _done = await Tasks.QueryAsync(Query(TaskBox.Done));
        _copies = await Tasks.CopiesAsync(_user.Name, _search);
        var started = await Runtime.QueryAsync(new InstanceQuery { StartedBy = _user.Name, DefinitionId = _process, Take = 50 });
        var mine = started.Items.Where(s => string.IsNullOrWhiteSpace(_search) || (s.BusinessKey?.Contains(_search, StringComparison.OrdinalIgnoreCase) ?? false) || ProcessName(s.DefinitionId).Contains(_search, StringComparison.OrdinalIgnoreCase)).ToList();
        var decisions = await Tasks.LatestDecisionsAsync([.. mine.Select(s => s.Id)]);
        _started = mine.ConvertAll(s => new StartedRow(s, decisions.GetValueOrDefault(s.Id)));

        _selected = [.. _todo.Items.Where(_selected.Contains)];
    }

    private async Task SearchAsync(string? search)
    {
        _search = search;
        await LoadAsync();
    }

    private async Task ProcessAsync(string? process)
    {
        _process = process;
        await LoadAsync();
    }

    private void Open(TableRowClickEventArgs<TaskListItem> row)
    {
        if (row.Item is { } item)
        {
            Navigation.NavigateTo($"tasks/{item.ItemId}");
        }
    }

    private async Task ClaimAsync(TaskListItem item)
    {
        try
        {
            await Tasks.ActAsync(new TaskCommand(item.ItemId, _user.Name, TaskAction.Claim));
            Navigation.NavigateTo($"tasks/{item.ItemId}");
        }
        catch (TaskActionException ex)
        {
            Snackbar.Add(RefusalText.Of(L, ex), Severity.Warning);
            await LoadAsync();
        }
    }

    /// <summary>Approves each selected task; those that cannot be (an incomplete form, already done) are reported and left.</summary>
    private async Task BatchApproveAsync()
    {
        var (approved, failed) = (0, new List<string>());
        foreach (var item in _selected.ToList())
        {
            try
            {
                await Tasks.ActAsync(new TaskCommand(item.ItemId, _user.Name, TaskAction.Decide) { Outcome = TaskOutcomes.Approve, Comment = _batchComment });
                approved++;
            }
            catch (TaskActionException ex)
            {
                failed.Add($"{item.Title}: {RefusalText.Of(L, ex)}");
            }
        }

        Snackbar.Add(L["BatchApproved", approved], Severity.Success);
        foreach (var failure in failed)
        {
            Snackbar.Add(failure, Severity.Warning);
        }

        _batchComment = null;
        await LoadAsync();
    }

    private string OutcomeText(string? outcome) => Outcomes.Text(L, outcome);

    private static Color OutcomeColor(string? outcome) => Outcomes.Color(outcome);

    private string Name(string? user) => WhoText.Of(L, _names, user);

    private string ProcessName(string definitionId) => _processNames.GetValueOrDefault(definitionId, definitionId);

    private Named StatusText(StartedRow row) => StatusWords.OfCase(L, row.Summary.Status, row.Summary.OpenIncidents > 0,
        (row.Summary.CurrentNodes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => StepName(row.Summary.DefinitionId, n)));

    private string StepName(string definitionId, string nodeId) =>
        _stepNames.TryGetValue(definitionId, out var steps) && steps.TryGetValue(nodeId, out var name) ? name : nodeId;
}
