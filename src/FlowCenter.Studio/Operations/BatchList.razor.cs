using FlowCenter.Runtime.Batches;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Organization;
using FlowCenter.Studio.Localization;
using FlowCenter.Studio.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Operations;

/// <summary>The batches operators made, newest first, with their progress; kept current while any runs.</summary>
public sealed partial class BatchList
{
    private readonly CancellationTokenSource _stop = new();
    private Page<BatchJob>? _page;
    private Caller _caller = new("", []);
    private Dictionary<string, string> _names = [];
    private IReadOnlyDictionary<string, string> _processNames = new Dictionary<string, string>();

    [Inject]
    private InstanceBatches Batches { get; set; } = null!;

    [Inject]
    private IDirectory Directory { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private Runtime.Definitions.DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _caller = await CurrentUser.CallerAsync();
        _names = await DisplayNames.LoadAsync(Directory);
        _processNames = await FilterWords.ProcessNamesAsync(Definitions);
        _page = await Batches.ListAsync(0, 100, _caller);
        _ = LiveRefresh.RunAsync(() => _page?.Items.Any(b => !b.IsFinished) == true
            ? InvokeAsync(async () =>
            {
                _page = await Batches.ListAsync(0, 100, _caller);
                StateHasChanged();
            })
            : Task.CompletedTask, _stop.Token);
    }

    private string FilterOf(BatchJob batch) => FilterWords.OfBatch(L, batch, _processNames) ?? L["BatchChosen", batch.Total];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }
}
