using FlowCenter.Runtime.Instances;

namespace FlowCenter.Runtime.Batches;

/// <summary>Batches and their per-instance results, kept after the batch ends.</summary>
public interface IBatchStore
{
    /// <summary>Stores a batch with its instances, all pending, in one transaction.</summary>
    Task CreateAsync(BatchJob batch, IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default);

    Task<BatchJob?> FindAsync(string batchId, CancellationToken cancellationToken = default);

    /// <summary>Batches newest first.</summary>
    Task<Page<BatchJob>> ListAsync(int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>A batch's instances in the order they were taken, optionally of one outcome.</summary>
    Task<Page<BatchItem>> ItemsAsync(string batchId, BatchItemOutcome? outcome, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>Batches with instances still pending, oldest first.</summary>
    Task<IReadOnlyList<string>> UnfinishedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes up to <paramref name="take"/> pending instances of a batch for <paramref name="claimant"/> until
    /// <paramref name="until"/>: none that another node holds unexpired, so that two nodes do not work one item.
    /// </summary>
    Task<IReadOnlyList<string>> ClaimAsync(string batchId, string claimant, int take, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps what became of one instance and counts it in the batch; the batch is finished when none is pending.
    /// An item already recorded is left as it is.
    /// </summary>
    Task RecordAsync(string batchId, string instanceId, BatchItemOutcome outcome, string? message, DateTimeOffset at, CancellationToken cancellationToken = default);
}
