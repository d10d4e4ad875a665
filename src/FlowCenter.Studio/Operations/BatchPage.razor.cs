using FlowCenter.Runtime.Batches;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Organization;
using FlowCenter.Studio.Localization;
using FlowCenter.Studio.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Operations;

/// <summary>One batch: what it does, who made it from which filter, its progress while it runs, and what became of each instance.</summary>
public sealed partial class BatchPage
{
    private const int PageSize = 50;
    private readonly CancellationTokenSource _stop = new();
    private BatchJob? _batch;
    private Page<BatchItem>? _items;
    private BatchItemOutcome? _outcome;
    private int _skip;
    private Caller _caller = new("", []);
    private Dictionary<string, string> _names = [];
    private IReadOnlyDictionary<string, string> _processNames = new Dictionary<string, string>();

    [Parameter]
    public string BatchId { get; set; } = "";

    [Inject]
    private InstanceBatches Batches { get; set; } = null!;

    [Inject]
    private IDirectory Directory { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private Runtime.Definitions.DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _caller = await CurrentUser.CallerAsync();
        _names = await DisplayNames.LoadAsync(Directory);
        _processNames = await FilterWords.ProcessNamesAsync(Definitions);
        await LoadAsync();
        _ = LiveRefresh.RunAsync(() => _batch is { IsFinished: false }
            ? InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            })
            : Task.CompletedTask, _stop.Token, TimeSpan.FromSeconds(1));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }

    private async Task LoadAsync()
    {
        _batch = await Batches.FindAsync(BatchId, _caller);
        _items = _batch is null ? null : await Batches.ItemsAsync(BatchId, _outcome, _skip, PageSize, _caller);
    }

    private Task ShowAsync(BatchItemOutcome? outcome)
    {
        _outcome = outcome;
        _skip = 0;
        return LoadAsync();
    }

    private Task GoToPageAsync(int page)
    {
        _skip = (page - 1) * PageSize;
        return LoadAsync();
    }

    /// <summary>A batch made from a filter, in words (null for rows chosen by hand).</summary>
    private string? FilterOf(BatchJob batch) => FilterWords.OfBatch(L, batch, _processNames);

    private static Color OutcomeColor(BatchItemOutcome outcome) => outcome switch
    {
        BatchItemOutcome.Done => Color.Success,
        BatchItemOutcome.Failed => Color.Error,
        BatchItemOutcome.Pending => Color.Info,
        _ => Color.Default,
    };
}
