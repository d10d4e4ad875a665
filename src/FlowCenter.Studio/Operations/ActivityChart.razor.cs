using System.Globalization;
using FlowCenter.Runtime.Monitoring;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace FlowCenter.Studio.Operations;

/// <summary>Cases started, completed and failed per hour or day, as bars (Apache ECharts, bundled like the canvas).</summary>
public sealed partial class ActivityChart
{
    private ElementReference _container;
    private IJSObjectReference? _module;
    private int _chart;
    private string _drawn = "";

    [Parameter]
    [EditorRequired]
    public IReadOnlyList<ActivityBucket> Buckets { get; set; } = [];

    [Parameter]
    public bool ByDay { get; set; }

    [CascadingParameter(Name = "DarkMode")]
    public bool Dark { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var labels = Buckets.Select(b => b.From.ToLocalTime().ToString(ByDay ? "M/d" : "HH:00", CultureInfo.CurrentCulture)).ToArray();
        var key = string.Join(',', labels) + "|" + string.Join(',', Buckets.Select(b => $"{b.Started}/{b.Completed}/{b.Faulted}")) + "|" + Dark;
        if (key == _drawn)
        {
            return;
        }

        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./_content/FlowCenter.Studio/js/charts.bundle.js");
            object[] series =
            [
                new { name = L["MonitorStarted"].Value, values = Buckets.Select(b => b.Started).ToArray(), colour = "#1e88e5" },
                new { name = L["MonitorCompleted"].Value, values = Buckets.Select(b => b.Completed).ToArray(), colour = "#43a047" },
                new { name = L["MonitorFaulted"].Value, values = Buckets.Select(b => b.Faulted).ToArray(), colour = "#e53935" },
            ];
            _chart = await _module.InvokeAsync<int>("draw", _container, _chart, labels, series, Dark);
            _drawn = key;
        }
        catch (Exception ex) when (ex is JSDisconnectedException or ObjectDisposedException or TaskCanceledException)
        {
            // The page was left while the chart was being drawn.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("dispose", _chart);
                await _module.DisposeAsync();
            }
            catch (Exception ex) when (ex is JSDisconnectedException or ObjectDisposedException)
            {
                // The circuit is gone, and the chart with it.
            }
        }
    }
}
