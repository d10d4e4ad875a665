using FlowCenter.Runtime.Batches;
using FlowCenter.Runtime.Instances;
using FlowCenter.Studio.Localization;
using FlowCenter.Studio.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Operations;

/// <summary>
/// Chooses a batch: the action, and the ticked rows or every instance of the list's filter. The server counts
/// the set first (the preview); the batch is made with that count, and refused if the filter now matches
/// another number, so it never touches more than the operator saw. Then the batch's page shows its progress.
/// </summary>
public sealed partial class BatchBar
{
    private BatchAction? _action;
    private bool _all;
    private int? _preview;
    private string? _reason;
    private string? _error;
    private bool _busy;
    private IReadOnlyDictionary<string, string> _processNames = new Dictionary<string, string>();

    /// <summary>The list's filter (its paging is ignored: a batch takes the whole set).</summary>
    [Parameter]
    public InstanceQuery Query { get; set; } = new();

    /// <summary>How many instances the filter matched when the list was read.</summary>
    [Parameter]
    public int Total { get; set; }

    [Parameter]
    public IReadOnlyCollection<string> Selected { get; set; } = [];

    [Parameter]
    public EventCallback OnClear { get; set; }

    [Inject]
    private InstanceBatches Batches { get; set; } = null!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private Runtime.Definitions.DefinitionService Definitions { get; set; } = null!;

    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    /// <summary>The filter as the batch will apply it, for the operator to read before confirming.</summary>
    private string FilterText => FilterWords.Of(L, Query, _processNames);

    private async Task OpenAsync(BatchAction action)
    {
        _processNames = await FilterWords.ProcessNamesAsync(Definitions);
        _action = action;
        _reason = null;
        await ChooseScopeAsync(Selected.Count == 0);
    }

    private async Task ChooseScopeAsync(bool all)
    {
        _all = all;
        _preview = null;
        _error = null;
        try
        {
            _preview = await Batches.PreviewAsync(Request(), await CurrentUser.CallerAsync());
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            _error = L["BatchRefused", ex.Message];
        }
    }

    private async Task StartAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            var batch = await Batches.StartAsync(Request() with { ExpectedCount = _preview, Reason = _reason }, await CurrentUser.CallerAsync());
            Navigation.NavigateTo($"instances/batches/{batch.Id}");
        }
        catch (BatchCountChangedException ex)
        {
            _preview = ex.Actual;
            _error = L["BatchCountChanged", ex.Expected, ex.Actual];
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            _error = L["BatchRefused", ex.Message];
        }
        finally
        {
            _busy = false;
        }
    }

    private BatchRequest Request() => _all
        ? new BatchRequest(_action!.Value) { Filter = InstanceFilterText.ToQueryString(Query, paging: false) }
        : new BatchRequest(_action!.Value) { InstanceIds = [.. Selected] };
}
