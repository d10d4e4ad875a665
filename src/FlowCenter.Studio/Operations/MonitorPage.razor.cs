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
    private Caller _caller = new("", []);
    private bool _byDay;

    [Inject]
    private MonitorService Monitor { get; set; } = null!;

    [Inject]
    private IDefinitionStore Definitions { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _caller = await CurrentUser.CallerAsync();
        _names = await FilterWords.ProcessNamesAsync(Definitions);
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

    private static string List(InstanceQuery query) => "instances" + InstanceFilterText.ToQueryString(query, paging: false);
}
