using FlowCenter.Engine.Execution;
using FlowCenter.Runtime.Audit;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Instances;

namespace FlowCenter.Runtime.Batches;

/// <summary>
/// Batch operations for operators: a preview that counts what a batch would hold, the batch itself (its
/// instances fixed at once from the list's own filter, then worked in the background by
/// <see cref="BatchRunner"/>), and its progress and per-instance results.
/// </summary>
public sealed class InstanceBatches(IWorkflowRuntime runtime, IBatchStore store, AuditTrail audit, IIdGenerator ids, TimeProvider clock, BatchSignal signal)
{
    /// <summary>The most instances one batch holds: more is refused, with the count, rather than cut short.</summary>
    public const int MaxInstances = 50_000;

    /// <summary>The most ticked rows one batch names.</summary>
    public const int MaxIds = 1_000;

    /// <summary>How many instances the batch would hold, read as the batch itself would read them.</summary>
    public async Task<int> PreviewAsync(BatchRequest request, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        return (await SelectAsync(request, cancellationToken)).Count;
    }

    /// <summary>
    /// Makes the batch: its instances are read now, once, and kept; the batch then runs in the background. A
    /// filter that matches another number than <see cref="BatchRequest.ExpectedCount"/> is refused with
    /// <see cref="BatchCountChangedException"/>, and nothing is made.
    /// </summary>
    public async Task<BatchJob> StartAsync(BatchRequest request, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        var selected = await SelectAsync(request, cancellationToken);
        if (request.ExpectedCount is int expected && expected != selected.Count)
        {
            throw new BatchCountChangedException(expected, selected.Count);
        }

        if (selected.Count == 0)
        {
            throw new ArgumentException("The batch would hold no instance: nothing matches.");
        }

        var batch = new BatchJob(ids.NewId(), request.Action, Describe(request), caller.UserName, clock.GetUtcNow())
        {
            RequestedRoles = [.. caller.Roles],
            Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
            Total = selected.Count,
        };
        await store.CreateAsync(batch, [.. selected.Select(s => new BatchItem(batch.Id, s.Id, BatchItemOutcome.Pending, null, null) { DefinitionId = s.DefinitionId, BusinessKey = s.BusinessKey })], cancellationToken);
        await audit.RecordAsync(AuditActions.BatchStarted, "batch:" + batch.Id, $"{batch.Action.ToString().ToLowerInvariant()} on {batch.Total} instances · {batch.Filter}{(batch.Reason is null ? "" : " · " + batch.Reason)}", cancellationToken);
        signal.Raise();
        return batch;
    }

    public async Task<BatchJob?> FindAsync(string batchId, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        return await store.FindAsync(batchId, cancellationToken);
    }

    public async Task<Page<BatchJob>> ListAsync(int skip, int take, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        return await store.ListAsync(Math.Max(0, skip), Math.Clamp(take, 1, InstanceFilterText.MaxTake), cancellationToken);
    }

    public async Task<Page<BatchItem>> ItemsAsync(string batchId, BatchItemOutcome? outcome, int skip, int take, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        return await store.ItemsAsync(batchId, outcome, Math.Max(0, skip), Math.Clamp(take, 1, InstanceFilterText.MaxTake), cancellationToken);
    }

    /// <summary>The instances a request names: the filter's whole set (never a page of it), or the ticked rows that exist.</summary>
    private async Task<IReadOnlyList<InstanceSummary>> SelectAsync(BatchRequest request, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(request.Action))
        {
            throw new ArgumentException($"Unknown batch action '{request.Action}'; use {string.Join(", ", Enum.GetNames<BatchAction>()).ToLowerInvariant()}.");
        }

        if (request.InstanceIds is { } wanted)
        {
            if (request.Filter is not null)
            {
                throw new ArgumentException("A batch takes either a filter or instance ids, not both.");
            }

            var distinct = wanted.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count > MaxIds)
            {
                throw new ArgumentException($"A batch names at most {MaxIds} instances by id, not {distinct.Count}: use a filter for more.");
            }

            var found = new List<InstanceSummary>();
            await foreach (var row in runtime.StreamAsync(new InstanceQuery { Ids = distinct, Sort = InstanceSort.StartedOldest }, cancellationToken))
            {
                found.Add(row);
            }

            return found.Count == distinct.Count
                ? found
                : throw new ArgumentException($"No instance '{distinct.First(id => !found.Exists(f => f.Id == id))}'.");
        }

        if (!InstanceFilterText.TryParse(request.Filter, out var query, out var error))
        {
            throw new ArgumentException("Filter: " + error);
        }

        var all = new List<InstanceSummary>();
        await foreach (var row in runtime.StreamAsync(query with { Skip = 0 }, cancellationToken))
        {
            if (all.Count == MaxInstances)
            {
                throw new ArgumentException($"The filter matches more than {MaxInstances} instances; narrow it (by process, status or dates) and run several batches.");
            }

            all.Add(row);
        }

        return all;
    }

    private static string Describe(BatchRequest request) =>
        request.InstanceIds is { } wanted
            ? $"{wanted.Distinct(StringComparer.Ordinal).Count()} chosen"
            : InstanceFilterText.TryParse(request.Filter, out var query, out _) ? InstanceFilterText.ToQueryString(query, paging: false) : request.Filter ?? "";

    private static void Require(Caller caller) => caller.RequireOperator("batches are for Operators and Administrators");
}

/// <summary>The filter matches another number of instances than the operator was shown: preview again.</summary>
public sealed class BatchCountChangedException(int expected, int actual)
    : InvalidOperationException($"The filter now matches {actual} instances, not the {expected} shown: preview the batch again.")
{
    public int Expected { get; } = expected;

    public int Actual { get; } = actual;
}

/// <summary>Wakes this node's batch runner when a batch is made here.</summary>
public sealed class BatchSignal
{
    public event Action? Raised;

    public void Raise() => Raised?.Invoke();
}
