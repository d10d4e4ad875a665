using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Monitoring;
using FlowCenter.Studio.Localization;
using FlowCenter.Studio.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Operations;

/// <summary>The operators' home: each process's figures, the recent activity as a chart, what needs attention; kept current.</summary>
public sealed partial class MonitorPage
{
    private readonly CancellationTokenSource _stop = new();
    private OperatorOverview? _overview;
    private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();
    private Dictionary<string, Dictionary<string, string>> _steps = [];
    private Caller _caller = new("", []);
    private bool _byDay;

    [Inject]
    private MonitorService Monitor { get; set; } = null!;

    [Inject]
    private DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _caller = await CurrentUser.CallerAsync();
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var latest = (await Definitions.ReadLatestAsync()).ToList();
        _names = latest.ToDictionary(d => d.Id, d => d.NameFor(culture), StringComparer.Ordinal);
        _steps = FilterWords.StepNames(latest);
        _overview = await Monitor.OverviewAsync(_byDay, _caller);
        _ = LiveRefresh.RunAsync(() => InvokeAsync(async () =>
        {
            _overview = await Monitor.OverviewAsync(_byDay, _caller);
            StateHasChanged();
        }), _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }

    private async Task ChooseSpanAsync(bool byDay)
    {
        _byDay = byDay;
        _overview = await Monitor.OverviewAsync(_byDay, _caller);
    }

    private string NameOf(string? id) => id is null ? "" : _names.GetValueOrDefault(id, id);

    private string FactsOf(Attention item) => AlertWords.Of(L, item.Kind switch
    {
        AttentionKind.Incident => Runtime.Alerts.AlertKind.IncidentOpened,
        AttentionKind.Stuck => Runtime.Alerts.AlertKind.StepStuck,
        _ => Runtime.Alerts.AlertKind.TaskOverdue,
    }, item.Facts, item.NodeId is { } node && item.DefinitionId is { } process && _steps.TryGetValue(process, out var steps) ? steps.GetValueOrDefault(node, node) : item.NodeId, item.Summary);

    private static string List(InstanceQuery query) => "instances" + InstanceFilterText.ToQueryString(query, paging: false);
}
