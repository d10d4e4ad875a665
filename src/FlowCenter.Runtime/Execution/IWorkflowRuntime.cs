using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Scheduling;

namespace FlowCenter.Runtime.Execution;

/// <summary>Durable operations on instances: each runs one burst and commits it in one transaction.</summary>
public interface IWorkflowRuntime
{
    Task<WorkflowInstance> StartAsync(StartRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resumes a bookmark exactly once; a bookmark already consumed gives <see cref="ResumeOutcome.AlreadyHandled"/>.
    /// <paramref name="resumedBy"/> (a person, a system, an operator) is kept in the node's journal entry.
    /// </summary>
    Task<ResumeOutcome> ResumeAsync(string instanceId, string bookmarkId, JsonNode? payload = null, string? resumedBy = null, CancellationToken cancellationToken = default);

    /// <summary>Fires a timer-like bookmark, but never before its due time by the runtime's clock.</summary>
    Task<ResumeOutcome> FireTimerAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resumes the instance waiting for this event and key, and starts every current definition that starts on it.
    /// A key that several instances wait for is a design error: <see cref="AmbiguousCorrelationException"/>, and
    /// nothing is resumed or started. An event without a key is a broadcast to every instance waiting for it.
    /// <paramref name="sentBy"/> (a system, an operator) is kept in the journal of every instance it resumes.
    /// </summary>
    Task<EventOutcome> PublishEventAsync(string eventName, string? correlationKey, JsonNode? payload = null, string? sentBy = null, CancellationToken cancellationToken = default);

    Task CancelAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Suspends a running instance for an operator: its timers, events, decisions and children's results are
    /// kept (<see cref="ResumeOutcome.Held"/>) and nothing runs until <see cref="ResumeInstanceAsync"/>. An
    /// ended or already suspended instance is refused with <see cref="InvalidOperationException"/>.
    /// </summary>
    Task SuspendAsync(string instanceId, string by, string? reason, CancellationToken cancellationToken = default);

    /// <summary>Resumes a suspended instance and delivers, in order, what arrived while it was suspended.</summary>
    Task ResumeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>What a modification of where the instance stands would do; nothing runs or changes.</summary>
    Task<ModificationPlan> PlanModificationAsync(string instanceId, TokenModification modification, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels and places paths (tokens) as an operator asked; only the placed paths run, and the journal records
    /// the change with <paramref name="by"/>. Refused as <see cref="PlanModificationAsync"/> refuses.
    /// </summary>
    Task<ModificationPlan> ModifyAsync(string instanceId, TokenModification modification, string by, CancellationToken cancellationToken = default);

    Task RetryIncidentAsync(string instanceId, int incidentId, CancellationToken cancellationToken = default);

    Task SkipIncidentAsync(string instanceId, int incidentId, string port = Ports.Done, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets one variable of a running instance (an operator's repair, before a retry) and returns the value it
    /// had. A variable the process does not declare or hold, a value of the wrong type, or an ended instance is
    /// refused with <see cref="ArgumentException"/> or <see cref="InvalidOperationException"/>; nothing runs.
    /// </summary>
    Task<JsonNode?> SetVariableAsync(string instanceId, string name, JsonNode? value, CancellationToken cancellationToken = default);

    /// <summary>The instance as stored now, with its whole journal.</summary>
    Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default);

    Task<Page<InstanceSummary>> QueryAsync(InstanceQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every instance the filter selects, not one page: for exports and batches.</summary>
    IAsyncEnumerable<InstanceSummary> StreamAsync(InstanceQuery query, CancellationToken cancellationToken = default);

    /// <summary>Runs work that follows a commit; called by the runtime itself or by a background job with the same ids.</summary>
    Task RunContinuationAsync(Continuation continuation, CancellationToken cancellationToken = default);
}
