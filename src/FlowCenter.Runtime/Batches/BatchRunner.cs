using FlowCenter.Runtime.Audit;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Instances;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowCenter.Runtime.Batches;

/// <summary>
/// Works the batches in the background, on every node: each takes a few pending instances at a time under a
/// lease (so nodes share a batch and a crashed node's items are taken again), changes each as the operator who
/// made the batch (the audit log names them, via the batch) and keeps each result. After a restart it goes on
/// where the batch stood.
/// </summary>
public sealed partial class BatchRunner(
    IBatchStore store,
    IInstanceStore instances,
    InstanceOperations operations,
    AmbientAuditContext actors,
    BatchSignal signal,
    TimeProvider clock,
    IOptions<RuntimeOptions> options,
    ILogger<BatchRunner> logger) : BackgroundService
{
    private const int ClaimSize = 20;
    private readonly string _claimant = $"{Environment.MachineName}:{Environment.ProcessId}";
    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        signal.Raised += Wake;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunPendingAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRunFailed(logger, ex);
                }

                await _wake.WaitAsync(options.Value.BatchPollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is pending stays pending for the next start (or another node).
        }
        finally
        {
            signal.Raised -= Wake;
        }
    }

    /// <summary>Works every unfinished batch as far as it can; returns how many instances it handled.</summary>
    public async Task<int> RunPendingAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var batchId in await store.UnfinishedAsync(cancellationToken))
        {
            if (await store.FindAsync(batchId, cancellationToken) is not { } batch)
            {
                continue;
            }

            var caller = new Caller(batch.RequestedBy, batch.RequestedRoles);
            using var actor = actors.Use(batch.RequestedBy, "batch:" + batch.Id, null);
            while (true)
            {
                var now = clock.GetUtcNow();
                var claimed = await store.ClaimAsync(batch.Id, _claimant, ClaimSize, now, now + options.Value.BatchClaimLease, cancellationToken);
                if (claimed.Count == 0)
                {
                    break;
                }

                foreach (var instanceId in claimed)
                {
                    var (outcome, message) = await ApplyAsync(batch, instanceId, caller, cancellationToken);
                    await store.RecordAsync(batch.Id, instanceId, outcome, message, clock.GetUtcNow(), cancellationToken);
                    handled++;
                }
            }
        }

        return handled;
    }

    private void Wake() => _wake.Release();

    /// <summary>Applies the batch's action to one instance; what did not apply says why, in the runtime's words.</summary>
    private async Task<(BatchItemOutcome, string?)> ApplyAsync(BatchJob batch, string instanceId, Caller caller, CancellationToken cancellationToken)
    {
        try
        {
            if (await instances.LoadAsync(instanceId, cancellationToken) is not { Instance: var instance })
            {
                return (BatchItemOutcome.Failed, $"Instance '{instanceId}' no longer exists.");
            }

            if (instance.IsFinished)
            {
                return (BatchItemOutcome.Skipped, $"Already {instance.Status.ToString().ToLowerInvariant()}.");
            }

            switch (batch.Action)
            {
                case BatchAction.Cancel:
                    await operations.CancelAsync(instanceId, caller, cancellationToken);
                    return (BatchItemOutcome.Done, null);
                case BatchAction.Suspend when instance.Hold is not null:
                    return (BatchItemOutcome.Skipped, $"Already suspended by {instance.Hold.By}.");
                case BatchAction.Suspend:
                    await operations.SuspendAsync(instanceId, batch.Reason, caller, cancellationToken);
                    return (BatchItemOutcome.Done, null);
                case BatchAction.Resume when instance.Hold is null:
                    return (BatchItemOutcome.Skipped, "Not suspended.");
                case BatchAction.Resume:
                    await operations.ResumeAsync(instanceId, caller, cancellationToken);
                    return (BatchItemOutcome.Done, null);
                default:
                    return await RetryAsync(instanceId, [.. instance.Incidents.Where(i => i.IsOpen).Select(i => i.Id)], caller, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or UnauthorizedAccessException or Execution.InstanceNotFoundException)
        {
            return (BatchItemOutcome.Failed, ex.Message);
        }
    }

    private async Task<(BatchItemOutcome, string?)> RetryAsync(string instanceId, IReadOnlyList<int> open, Caller caller, CancellationToken cancellationToken)
    {
        if (open.Count == 0)
        {
            return (BatchItemOutcome.Skipped, "No open problem.");
        }

        foreach (var incidentId in open)
        {
            await operations.RetryAsync(instanceId, incidentId, caller, cancellationToken);
        }

        // A retry that fails again opens a new incident: that is a failure of this item, with its error.
        var after = await instances.LoadAsync(instanceId, cancellationToken);
        return after?.Instance.Incidents.LastOrDefault(i => i.IsOpen) is { } again
            ? (BatchItemOutcome.Failed, "Failed again: " + again.Message)
            : (BatchItemOutcome.Done, open.Count == 1 ? null : $"{open.Count} problems retried.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch run failed; it is tried again at the next poll")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
