using FlowCenter.Engine.Contracts;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.State;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowCenter.Runtime.Execution;

/// <summary>
/// Start, resume, events and operator actions over stored instances. Each change takes the instance's lock,
/// reads the instance afresh, runs one burst and saves it in one transaction checked against the revision
/// read; a lost race is retried from a fresh read, where a consumed bookmark is found gone.
/// </summary>
public sealed partial class WorkflowRuntime(
    WorkflowEngine engine,
    WorkflowCache workflows,
    IInstanceStore instances,
    IDefinitionStore definitions,
    IInstanceLock locks,
    ITimerScheduler timers,
    IEnumerable<IContinuationDispatcher> dispatchers,
    IEnumerable<ICommitObserver> observers,
    ContinuationRecovery recovery,
    IOptions<RuntimeOptions> options,
    ILogger<WorkflowRuntime> logger) : IWorkflowRuntime
{
    private readonly IContinuationDispatcher? _dispatcher = dispatchers.LastOrDefault();

    public async Task<WorkflowInstance> StartAsync(StartRequest request, CancellationToken cancellationToken = default)
    {
        if (request is { Version: int wanted, Caller: { IsDesigner: false } caller }
            && await definitions.FindAsync(request.DefinitionId, wanted, cancellationToken) is { Status: not DefinitionStatus.Published } unpublished)
        {
            throw new DefinitionVersionException(
                $"Version {wanted} of '{request.DefinitionId}' is {unpublished.Status.ToString().ToLowerInvariant()}: only designers may test-run it, and {caller.UserName} is not one.");
        }

        var workflow = request.Version is int version
            ? await workflows.GetAsync(request.DefinitionId, version, cancellationToken)
            : await workflows.GetCurrentAsync(request.DefinitionId, cancellationToken);
        var instance = await engine.StartAsync(workflow, new StartOptions
        {
            Input = request.Input,
            BusinessKey = request.BusinessKey,
            TriggerNodeId = request.TriggerNodeId,
            InstanceId = request.InstanceId,
            ParentInstanceId = request.ParentInstanceId,
            ParentBookmarkId = request.ParentBookmarkId,
        }, cancellationToken);
        var stored = StoredInstance.ForNew(instance, request.StartedBy);
        await instances.SaveAsync(stored, cancellationToken);
        await AfterCommitAsync(stored, cancellationToken);
        return instance;
    }

    public async Task<ResumeOutcome> ResumeAsync(string instanceId, string bookmarkId, JsonNode? payload = null, string? resumedBy = null, CancellationToken cancellationToken = default)
    {
        var outcome = ResumeOutcome.AlreadyHandled;
        await ChangeAsync(instanceId, async (workflow, instance) =>
        {
            outcome = ResumeOutcome.AlreadyHandled;
            if (instance.IsFinished || !instance.Bookmarks.Exists(b => b.Id == bookmarkId))
            {
                return false;
            }

            if (instance.Hold is not null)
            {
                outcome = ResumeOutcome.Held;
                return engine.HoldBack(instance, bookmarkId, payload, resumedBy);
            }

            await engine.ResumeAsync(workflow, instance, bookmarkId, payload, resumedBy, cancellationToken);
            outcome = ResumeOutcome.Resumed;
            return true;
        }, cancellationToken);
        return outcome;
    }

    public async Task<ResumeOutcome> FireTimerAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken = default)
    {
        var outcome = ResumeOutcome.AlreadyHandled;
        await ChangeAsync(instanceId, async (workflow, instance) =>
        {
            var bookmark = instance.IsFinished ? null : instance.Bookmarks.Find(b => b.Id == bookmarkId);
            outcome = bookmark is null ? ResumeOutcome.AlreadyHandled
                : bookmark.DueAt > engine.Clock.GetUtcNow() ? ResumeOutcome.NotYetDue
                : instance.Hold is not null ? ResumeOutcome.Held
                : ResumeOutcome.Resumed;
            switch (outcome)
            {
                case ResumeOutcome.Held:
                    return engine.HoldBack(instance, bookmarkId, null, "timer");
                case ResumeOutcome.Resumed:
                    await engine.ResumeAsync(workflow, instance, bookmarkId, null, "timer", cancellationToken);
                    return true;
                default:
                    return false;
            }
        }, cancellationToken);
        return outcome;
    }

    public Task<EventOutcome> PublishEventAsync(string eventName, string? correlationKey, JsonNode? payload = null, string? sentBy = null, CancellationToken cancellationToken = default) =>
        DeliverAsync(eventName, correlationKey, payload, sentBy, null, cancellationToken);

    /// <summary>
    /// Delivers an event. One a step published (<paramref name="published"/>: its bookmark) may be delivered again
    /// after a crash, and then changes nothing more: it reaches only the waits made before it was published (those
    /// it resumed are gone), and the instances it starts have ids made from its bookmark and the process, which a
    /// second start cannot take again.
    /// </summary>
    private async Task<EventOutcome> DeliverAsync(string eventName, string? correlationKey, JsonNode? payload, string? sentBy, Bookmark? published, CancellationToken cancellationToken)
    {
        var waiting = await instances.FindEventBookmarksAsync(eventName, correlationKey, published?.CreatedAt, cancellationToken);
        var waitingInstances = waiting.Select(b => b.InstanceId).Distinct(StringComparer.Ordinal).ToList();
        if (correlationKey is not null && waitingInstances.Count > 1)
        {
            LogAmbiguousCorrelation(logger, eventName, correlationKey, waitingInstances.Count);
            throw new AmbiguousCorrelationException(eventName, correlationKey, waitingInstances);
        }

        var resumed = 0;
        foreach (var bookmark in waiting)
        {
            if (await ResumeAsync(bookmark.InstanceId, bookmark.BookmarkId, payload?.DeepClone(), sentBy, cancellationToken) is ResumeOutcome.Resumed or ResumeOutcome.Held)
            {
                resumed++;
            }
        }

        var started = new List<string>();
        foreach (var trigger in await definitions.FindTriggersAsync(TriggerKind.Event, eventName, cancellationToken))
        {
            try
            {
                var instanceId = published is null ? null : DerivedId(published.Id, trigger.DefinitionId, trigger.NodeId);
                try
                {
                    var instance = await StartAsync(new StartRequest(trigger.DefinitionId)
                    {
                        Version = trigger.Version,
                        TriggerNodeId = trigger.NodeId,
                        InstanceId = instanceId,
                        Input = payload is JsonObject fields ? fields.ToDictionary(f => f.Key, f => f.Value?.DeepClone()) : null,
                        BusinessKey = correlationKey,
                        StartedBy = Starter.Event(eventName),
                    }, cancellationToken);
                    started.Add(instance.Id);
                }
                catch (ConcurrencyConflictException) when (instanceId is not null)
                {
                    // Delivered before a crash: the instance it started then is the one it starts.
                    started.Add(instanceId);
                }
            }
            catch (ArgumentException ex)
            {
                // One definition refusing the payload (a missing required input) does not stop the others.
                LogEventStartRefused(logger, trigger.DefinitionId, eventName, ex.Message);
            }
        }

        return new EventOutcome(resumed, started);
    }

    /// <summary>An id for what one event starts in one process, the same however often it is delivered.</summary>
    private static string DerivedId(params string[] parts)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return new Guid(hash.AsSpan(0, 16)).ToString("N");
    }

    public Task CancelAsync(string instanceId, CancellationToken cancellationToken = default) =>
        ChangeAsync(instanceId, (workflow, instance) =>
        {
            if (instance.IsFinished)
            {
                return ValueTask.FromResult(false);
            }

            engine.Cancel(workflow, instance);
            return ValueTask.FromResult(true);
        }, cancellationToken);

    public async Task SuspendAsync(string instanceId, string by, string? reason, CancellationToken cancellationToken = default) =>
        await ChangeAsync(instanceId, (_, instance) =>
        {
            engine.Suspend(instance, by, reason);
            return ValueTask.FromResult(true);
        }, cancellationToken);

    public async Task ResumeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await ChangeAsync(instanceId, async (workflow, instance) =>
        {
            await engine.LiftSuspensionAsync(workflow, instance, cancellationToken);
            return true;
        }, cancellationToken);

    public async Task<ModificationPlan> PlanModificationAsync(string instanceId, TokenModification modification, CancellationToken cancellationToken = default)
    {
        var stored = await instances.LoadAsync(instanceId, cancellationToken) ?? throw new InstanceNotFoundException($"No instance '{instanceId}'.");
        var workflow = await workflows.GetAsync(stored.Instance.DefinitionId, stored.Instance.DefinitionVersion, cancellationToken);
        return WorkflowEngine.PlanModification(workflow, stored.Instance, modification);
    }

    public async Task<ModificationPlan> ModifyAsync(string instanceId, TokenModification modification, string by, CancellationToken cancellationToken = default)
    {
        ModificationPlan? plan = null;
        await ChangeAsync(instanceId, async (workflow, instance) =>
        {
            plan = WorkflowEngine.PlanModification(workflow, instance, modification);
            await engine.ModifyAsync(workflow, instance, modification, by, cancellationToken);
            return true;
        }, cancellationToken);
        return plan!;
    }

    public Task RetryIncidentAsync(string instanceId, int incidentId, CancellationToken cancellationToken = default) =>
        ChangeAsync(instanceId, async (workflow, instance) =>
        {
            await engine.RetryIncidentAsync(workflow, instance, incidentId, cancellationToken);
            return true;
        }, cancellationToken);

    public Task SkipIncidentAsync(string instanceId, int incidentId, string port = Ports.Done, CancellationToken cancellationToken = default) =>
        ChangeAsync(instanceId, async (workflow, instance) =>
        {
            await engine.SkipIncidentAsync(workflow, instance, incidentId, port, cancellationToken);
            return true;
        }, cancellationToken);

    public async Task<JsonNode?> SetVariableAsync(string instanceId, string name, JsonNode? value, CancellationToken cancellationToken = default)
    {
        JsonNode? before = null;
        await ChangeAsync(instanceId, (workflow, instance) =>
        {
            if (instance.IsFinished)
            {
                throw new InvalidOperationException($"Instance '{instanceId}' is {instance.Status.ToString().ToLowerInvariant()}; its variables can no longer change.");
            }

            var declared = workflow.VariableTypes.TryGetValue(name, out var type);
            if (!declared && !instance.Variables.ContainsKey(name))
            {
                throw new ArgumentException($"Process '{instance.DefinitionId}' has no variable '{name}'.", nameof(name));
            }

            if (declared && FlowCenter.Engine.Json.JsonValues.CheckType(type, value) is { } why)
            {
                throw new ArgumentException($"Variable '{name}': {why}.", nameof(value));
            }

            before = instance.Variables.GetValueOrDefault(name)?.DeepClone();
            instance.Variables[name] = value?.DeepClone();
            instance.UpdatedAt = engine.Clock.GetUtcNow();
            return ValueTask.FromResult(true);
        }, cancellationToken);
        return before;
    }

    public async Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var stored = await instances.LoadAsync(instanceId, cancellationToken);
        if (stored is not null)
        {
            stored.Instance.Journal = [.. await instances.GetJournalAsync(instanceId, cancellationToken)];
        }

        return stored?.Instance;
    }

    public Task<Page<InstanceSummary>> QueryAsync(InstanceQuery query, CancellationToken cancellationToken = default) =>
        instances.QueryAsync(AtNow(query), cancellationToken);

    public IAsyncEnumerable<InstanceSummary> StreamAsync(InstanceQuery query, CancellationToken cancellationToken = default) =>
        instances.StreamAsync(AtNow(query), cancellationToken);

    /// <summary>The query with its "now" (to which running instances' durations are measured) from the engine's clock.</summary>
    private InstanceQuery AtNow(InstanceQuery query) => query.Now is null ? query with { Now = engine.Clock.GetUtcNow() } : query;

    /// <summary>
    /// Lock, read, change, save; a save that lost to another writer is tried again from a fresh read.
    /// Returns what <paramref name="change"/> returned; nothing is saved when it returns false.
    /// </summary>
    private async Task<bool> ChangeAsync(string instanceId, Func<ExecutableWorkflow, WorkflowInstance, ValueTask<bool>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            StoredInstance stored;
            using (await locks.AcquireAsync(instanceId, cancellationToken))
            {
                stored = await instances.LoadAsync(instanceId, cancellationToken)
                    ?? throw new InstanceNotFoundException($"No instance '{instanceId}'.");
                var workflow = await workflows.GetAsync(stored.Instance.DefinitionId, stored.Instance.DefinitionVersion, cancellationToken);
                if (!await change(workflow, stored.Instance))
                {
                    return false;
                }

                try
                {
                    await instances.SaveAsync(stored, cancellationToken);
                }
                catch (ConcurrencyConflictException) when (attempt < options.Value.MaxConflictRetries)
                {
                    LogConflict(logger, instanceId, attempt);
                    continue;
                }
            }

            await AfterCommitAsync(stored, cancellationToken);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A commit observer failed after instance {InstanceId} was saved; the recovery sweep catches up")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventName} with key {CorrelationKey} matches {Count} waiting instances; refused as a design error")]
    private static partial void LogAmbiguousCorrelation(ILogger logger, string eventName, string correlationKey, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventName} did not start {DefinitionId}: {Reason}")]
    private static partial void LogEventStartRefused(ILogger logger, string definitionId, string eventName, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Instance {InstanceId} was saved by another writer first (attempt {Attempt}); reading it again")]
    private static partial void LogConflict(ILogger logger, string instanceId, int attempt);
}
