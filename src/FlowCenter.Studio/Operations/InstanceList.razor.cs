using FlowCenter.Engine.State;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Monitoring;
using FlowCenter.Engine.Definitions;
using FlowCenter.Studio.Localization;
using FlowCenter.Studio.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Operations;

/// <summary>
/// Every case, for operators: filters that combine, held in the page's address (a link shows the same list), the
/// total, pages, the rows kept current while the page is open, and the filtered set as CSV.
/// </summary>
public sealed partial class InstanceList
{
    private const int PageSize = 25;
    private const string IncidentsChoice = "incidents";
    private static readonly string[] StartedHows = [FilterForm.ByPerson, FilterForm.ByEvent, FilterForm.BySchedule, FilterForm.ByParent];

    private readonly FilterForm _form = new();
    private readonly HashSet<string> _selected = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private InstanceQuery _query = new() { Take = PageSize };
    private Page<InstanceSummary>? _page;
    private string? _error;
    private IReadOnlyList<(string Id, string Name)> _processes = [];
    private Dictionary<string, Dictionary<string, string>> _steps = [];
    private Dictionary<string, IReadOnlyList<string>> _dataNames = [];
    private Caller _caller = new("", []);
    private WorkflowDefinition? _diagram;
    private IReadOnlyList<string> _standing = [];
    private IReadOnlyList<string> _failing = [];
    private IReadOnlyDictionary<string, string> _counts = new Dictionary<string, string>();

    [Inject]
    private IWorkflowRuntime Runtime { get; set; } = null!;

    [Inject]
    private DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private MonitorService Monitor { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    private string ExportLink => "api/instances/export" + InstanceFilterText.ToQueryString(_query, paging: false);

    protected override async Task OnInitializedAsync()
    {
        _caller = await CurrentUser.CallerAsync();
        var latest = (await Definitions.ReadLatestAsync()).ToList();
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        _processes = [.. latest.Select(d => (d.Id, d.NameFor(culture))).OrderBy(p => p.Item2, StringComparer.CurrentCulture)];
        _steps = FilterWords.StepNames(latest);
        _dataNames = latest.ToDictionary(d => d.Id, d => (IReadOnlyList<string>)[.. d.Variables.Select(v => v.Name), .. d.Inputs.Select(i => VariableCondition.InputPrefix + i.Name)], StringComparer.Ordinal);
        await ReadAddressAsync();
        Navigation.LocationChanged += OnLocationChanged;
        _ = KeepCurrentAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        await _stop.CancelAsync();
        _stop.Dispose();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(async () =>
    {
        await ReadAddressAsync();
        StateHasChanged();
    });

    /// <summary>The filter is what the address says; the form shows it.</summary>
    private async Task ReadAddressAsync()
    {
        var uri = Navigation.ToAbsoluteUri(Navigation.Uri);
        if (!uri.AbsolutePath.TrimEnd('/').EndsWith("/instances", StringComparison.Ordinal))
        {
            return;
        }

        var parameters = QueryHelpers.ParseQuery(uri.Query);
        if (!InstanceFilterText.TryRead(name => parameters.TryGetValue(name, out var v) ? [.. v.Where(s => s is not null).Select(s => s!)] : [], out var query, out var error))
        {
            _error = error;
            _page = null;
            return;
        }

        _error = null;
        if (InstanceFilterText.ToQueryString(query, paging: false) != InstanceFilterText.ToQueryString(_query, paging: false))
        {
            // Ticked rows belong to the list they were ticked in; another filter starts afresh.
            _selected.Clear();
        }

        _query = query with { Take = PageSize, Skip = query.Skip / PageSize * PageSize };
        _form.Fill(_query);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _page = await Runtime.QueryAsync(_query);
        await LoadDiagramAsync();
    }

    /// <summary>
    /// With one process version chosen, its diagram shows where that version's running cases stand now: how many
    /// wait at each step and how many stopped there with a problem (Operate's counts on the diagram). The drawing
    /// is read once per version; the counts with every refresh of the list.
    /// </summary>
    private async Task LoadDiagramAsync()
    {
        if (_query is not { DefinitionId: { } id, Version: { } version })
        {
            _diagram = null;
            return;
        }

        if (_diagram is null || _diagram.Id != id || _diagram.Version != version)
        {
            _diagram = await Definitions.ReadAsync(id, version);
            if (_diagram is null)
            {
                return;
            }
        }

        var statistics = await Monitor.NodeStatisticsAsync(id, version, _caller);
        _standing = [.. statistics.Where(s => s.Active > 0).Select(s => s.NodeId)];
        _failing = [.. statistics.Where(s => s.Incidents > 0).Select(s => s.NodeId)];
        _counts = statistics.ToDictionary(s => s.NodeId, s => string.Join(" · ", new[]
        {
            s.Active > 0 ? L["InstancesDiagramActive", s.Active].Value : null,
            s.Incidents > 0 ? L["InstancesDiagramIncidents", s.Incidents].Value : null,
        }.Where(part => part is not null)), StringComparer.Ordinal);
    }

    /// <summary>A click on a step of the diagram lists the cases standing there.</summary>
    private void FilterByStep(string nodeId) => Go(_query with { Node = nodeId, Skip = 0 });

    /// <summary>Running cases move on while the page is open: the shown page is read again every few seconds.</summary>
    private Task KeepCurrentAsync(CancellationToken cancellationToken) => LiveRefresh.RunAsync(() => _error is null
        ? InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        })
        : Task.CompletedTask, cancellationToken);

    private void SearchAsync() => Go(_form.ToQuery() with { Take = PageSize });

    private void GoToPageAsync(int page) => Go(_query with { Skip = (page - 1) * PageSize });

    private void Go(InstanceQuery query) =>
        Navigation.NavigateTo("instances" + InstanceFilterText.ToQueryString(query with { Take = 50 }));

    private bool PageSelected => _page is { Items.Count: > 0 } page && page.Items.All(r => _selected.Contains(r.Id));

    private void Select(string id, bool on)
    {
        if (on)
        {
            _selected.Add(id);
        }
        else
        {
            _selected.Remove(id);
        }
    }

    private void SelectPage(bool on)
    {
        foreach (var row in _page?.Items ?? [])
        {
            Select(row.Id, on);
        }
    }

    /// <summary>The names a data condition may use, offered as the user types: the chosen process's variables and start values, or every process's.</summary>
    private IEnumerable<string> DataNames(string? process) =>
        (process is not null && _dataNames.TryGetValue(process, out var names) ? names : _dataNames.Values.SelectMany(n => n))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private string ProcessName(string id) => _processes.FirstOrDefault(p => p.Id == id).Name ?? id;

    private IEnumerable<(string Id, string Label)> StepsOf(string? process) =>
        process is not null && _steps.TryGetValue(process, out var steps) ? steps.Select(s => (s.Key, s.Value)) : [];

    private string StepNames(InstanceSummary row) =>
        string.Join(", ", (row.CurrentNodes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => _steps.TryGetValue(row.DefinitionId, out var steps) && steps.TryGetValue(n, out var label) ? label : n));

    private static Color StatusColor(InstanceSummary row) => row.Status switch
    {
        _ when row.OpenIncidents > 0 => Color.Error,
        WorkflowStatus.Completed => Color.Success,
        WorkflowStatus.Faulted => Color.Error,
        WorkflowStatus.Suspended => Color.Warning,
        WorkflowStatus.Cancelled => Color.Dark,
        WorkflowStatus.Waiting => Color.Info,
        _ => Color.Default,
    };

    private sealed class ConditionRow
    {
        public string? Name { get; set; }

        public VariableOperator Operator { get; set; }

        public string? Value { get; set; }
    }

    /// <summary>The filter as the form edits it.</summary>
    private sealed class FilterForm
    {
        public const string ByPerson = "person";
        public const string ByEvent = "event";
        public const string BySchedule = "schedule";
        public const string ByParent = "parent";

        /// <summary>How the cases were started: by a person (named below), a system event, a schedule, another process.</summary>
        public string? StartedHow { get; set; }

        public string? Process { get; set; }

        public int? Version { get; set; }

        public string? Status { get; set; }

        public string? BusinessKey { get; set; }

        public string? Node { get; set; }

        public string? StartedBy { get; set; }

        public string? Incident { get; set; }

        public DateTime? StartedFrom { get; set; }

        public DateTime? StartedTo { get; set; }

        public DateTime? CompletedFrom { get; set; }

        public DateTime? CompletedTo { get; set; }

        public InstanceSort Sort { get; set; }

        public List<ConditionRow> Conditions { get; } = [];

        public void Fill(InstanceQuery query)
        {
            Process = query.DefinitionId;
            Version = query.Version;
            Status = query.HasIncidents == true && query.Status is null ? IncidentsChoice : query.Status?.ToString().ToLowerInvariant();
            BusinessKey = query.BusinessKey;
            Node = query.Node;
            (StartedHow, StartedBy) = query.StartedBy switch
            {
                null => (null, null),
                var any when any == Starter.AnyOf(StarterKind.Event) => (ByEvent, null),
                var any when any == Starter.AnyOf(StarterKind.Schedule) => (BySchedule, null),
                var any when any == Starter.AnyOf(StarterKind.Parent) => (ByParent, null),
                var other => (ByPerson, other),
            };
            Incident = query.IncidentText;
            StartedFrom = query.CreatedFrom?.LocalDateTime.Date;
            StartedTo = query.CreatedTo?.LocalDateTime.Date.AddDays(-1);
            CompletedFrom = query.CompletedFrom?.LocalDateTime.Date;
            CompletedTo = query.CompletedTo?.LocalDateTime.Date.AddDays(-1);
            Sort = query.Sort;
            Conditions.Clear();
            Conditions.AddRange(query.Variables.Select(c => new ConditionRow { Name = c.Name, Operator = c.Operator, Value = c.Value }));
        }

        public InstanceQuery ToQuery() => new()
        {
            DefinitionId = Process,
            Version = Process is null ? null : Version,
            Status = Status is null or IncidentsChoice ? null : Enum.Parse<WorkflowStatus>(Status, ignoreCase: true),
            HasIncidents = Status == IncidentsChoice ? true : null,
            BusinessKey = Blank(BusinessKey),
            Node = Process is null ? null : Node,
            StartedBy = StartedHow switch
            {
                ByEvent => Starter.AnyOf(StarterKind.Event),
                BySchedule => Starter.AnyOf(StarterKind.Schedule),
                ByParent => Starter.AnyOf(StarterKind.Parent),
                ByPerson => Blank(StartedBy),
                _ => null,
            },
            IncidentText = Blank(Incident),
            // Days as the user picks them: from the start of the first to the end of the last.
            CreatedFrom = StartedFrom is { } sf ? new DateTimeOffset(sf.Date) : null,
            CreatedTo = StartedTo is { } st ? new DateTimeOffset(st.Date.AddDays(1)) : null,
            CompletedFrom = CompletedFrom is { } cf ? new DateTimeOffset(cf.Date) : null,
            CompletedTo = CompletedTo is { } ct ? new DateTimeOffset(ct.Date.AddDays(1)) : null,
            Sort = Sort,
            Variables = [.. Conditions.Where(c => !string.IsNullOrWhiteSpace(c.Name))
                .Select(c => new VariableCondition(c.Name!.Trim(), c.Operator, c.Operator == VariableOperator.Exists ? null : (c.Value ?? "").Trim()))],
        };

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
