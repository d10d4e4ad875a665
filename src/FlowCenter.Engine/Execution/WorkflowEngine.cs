using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Expressions;
using FlowCenter.Engine.Json;
using FlowCenter.Engine.State;
using FlowCenter.Engine.Validation;

namespace FlowCenter.Engine.Execution;

/// <summary>
/// The flowchart interpreter. Stateless: every call takes an instance, runs one burst on it in place,
/// and returns when each path is done or waiting. The caller stores the instance afterwards.
/// </summary>
public sealed class WorkflowEngine
{
    public WorkflowEngine(ActivityRegistry activities, IEnumerable<IExpressionEvaluator> evaluators, TimeProvider clock, IIdGenerator ids)
    {
        Activities = activities;
        Evaluators = new ExpressionEvaluators(evaluators);
        Clock = clock;
        Ids = ids;
        Validator = new WorkflowValidator(activities, Evaluators);
    }

    public ActivityRegistry Activities { get; }

    public ExpressionEvaluators Evaluators { get; }

    public TimeProvider Clock { get; }

    public IIdGenerator Ids { get; }

    public WorkflowValidator Validator { get; }

    /// <summary>A name for this engine (a server node), written into each journal entry it makes.</summary>
    public string? WorkerName { get; init; }

    /// <summary>Validates and indexes a definition; an invalid one throws with every problem and is never run.</summary>
    public ExecutableWorkflow Prepare(WorkflowDefinition definition)
    {
        var problems = Validator.Validate(definition);
        if (problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            throw new WorkflowValidationException(definition.Id, problems);
        }

        var outgoing = definition.Connections.ToLookup(c => c.Source, StringComparer.Ordinal);
        var incoming = definition.Connections.ToLookup(c => c.Target, StringComparer.Ordinal);
        var nodes = definition.Nodes
            .Select((n, i) => new CompiledNode(n, i, Activities.Find(n.Type)!, outgoing[n.Id].ToList(), incoming[n.Id].ToList()))
            .ToList();
        return new ExecutableWorkflow(definition, nodes);
    }

    /// <summary>Creates an instance and runs its first burst. Inputs are checked first; bad input creates nothing.</summary>
    public async ValueTask<WorkflowInstance> StartAsync(ExecutableWorkflow workflow, StartOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new StartOptions();
        var trigger = options.TriggerNodeId is { } triggerId
            ? workflow.Triggers.FirstOrDefault(t => t.Id == triggerId) ?? throw new ArgumentException($"'{triggerId}' is not a trigger node of '{workflow.Definition.Id}'.", nameof(options))
            : workflow.DefaultStart ?? throw new ArgumentException($"'{workflow.Definition.Id}' has several triggers and no Start node: name the trigger to start at.", nameof(options));
        var now = Clock.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = options.InstanceId ?? Ids.NewId(),
            DefinitionId = workflow.Definition.Id,
            DefinitionVersion = workflow.Definition.Version,
            BusinessKey = options.BusinessKey,
            ParentInstanceId = options.ParentInstanceId,
            ParentBookmarkId = options.ParentBookmarkId,
            Input = ReadInput(workflow.Definition, options.Input),
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var variable in workflow.Definition.Variables)
        {
            instance.Variables[variable.Name] = variable.Default;
        }

        await new Burst(this, workflow, instance, cancellationToken).StartAsync(trigger);
        return instance;
    }

    /// <summary>
    /// Continues an instance at a live bookmark. A bookmark already handled throws <see cref="BookmarkNotFoundException"/>.
    /// <paramref name="resumedBy"/> (a person, a system, an operator) is written into the waiting node's journal entry.
    /// </summary>
    public ValueTask ResumeAsync(ExecutableWorkflow workflow, WorkflowInstance instance, string bookmarkId, JsonNode? payload = null, string? resumedBy = null, CancellationToken cancellationToken = default)
    {
        EnsureRunnable(instance);
        return new Burst(this, workflow, instance, cancellationToken).ResumeAsync(bookmarkId, payload, resumedBy);
    }

    /// <summary>Runs the node of an open incident again.</summary>
    public ValueTask RetryIncidentAsync(ExecutableWorkflow workflow, WorkflowInstance instance, int incidentId, CancellationToken cancellationToken = default)
    {
        EnsureRunnable(instance);
        return new Burst(this, workflow, instance, cancellationToken).RetryIncidentAsync(OpenIncident(instance, incidentId));
    }

    /// <summary>Leaves the node of an open incident through <paramref name="port"/> as if it had completed.</summary>
    public ValueTask SkipIncidentAsync(ExecutableWorkflow workflow, WorkflowInstance instance, int incidentId, string port = Ports.Done, CancellationToken cancellationToken = default)
    {
        EnsureRunnable(instance);
        var incident = OpenIncident(instance, incidentId);
        var node = workflow.Node(incident.NodeId);
        if (!node.Descriptor.AnyPort && !node.Ports.Contains(port))
        {
            throw new ArgumentException($"Node '{node.Id}' has no port '{port}'.", nameof(port));
        }

        return new Burst(this, workflow, instance, cancellationToken).SkipIncidentAsync(incident, port);
    }

    /// <summary>Ends the instance as cancelled: every path stops, every bookmark goes, open incidents close.</summary>
    public void Cancel(ExecutableWorkflow workflow, WorkflowInstance instance)
    {
        EnsureActive(instance);
        foreach (var incident in instance.Incidents.Where(i => i.IsOpen))
        {
            incident.ResolvedAt = Clock.GetUtcNow();
            incident.Resolution = "cancelled";
        }

        instance.Hold = null;
        new Burst(this, workflow, instance, CancellationToken.None).EndAll(WorkflowStatus.Cancelled);
    }

    /// <summary>
    /// Suspends the instance for an operator: nothing of it runs until <see cref="LiftSuspensionAsync"/>; what
    /// arrives meanwhile is held back with <see cref="HoldBack"/>.
    /// </summary>
    public void Suspend(WorkflowInstance instance, string by, string? reason)
    {
        EnsureActive(instance);
        if (instance.Hold is { } hold)
        {
            throw new InvalidOperationException($"Instance '{instance.Id}' is already suspended (by {hold.By} at {hold.At:u}).");
        }

        instance.Hold = new InstanceHold { At = Clock.GetUtcNow(), By = by, Reason = reason, StatusBefore = instance.Status };
        instance.Status = WorkflowStatus.Suspended;
        instance.UpdatedAt = Clock.GetUtcNow();
    }

    /// <summary>
    /// Keeps a resumption that reached a suspended instance for when it is resumed; its bookmark leaves the live
    /// ones, so that it is delivered once. False when the bookmark is gone (handled before).
    /// </summary>
    public bool HoldBack(WorkflowInstance instance, string bookmarkId, JsonNode? payload, string? resumedBy)
    {
        var hold = instance.Hold ?? throw new InvalidOperationException($"Instance '{instance.Id}' is not suspended.");
        if (instance.IsFinished || instance.Bookmarks.Find(b => b.Id == bookmarkId) is not { } bookmark)
        {
            return false;
        }

        instance.Bookmarks.Remove(bookmark);
        hold.Arrived.Add(new HeldResume { Bookmark = bookmark, Payload = payload?.DeepClone(), ResumedBy = resumedBy, At = Clock.GetUtcNow() });
        instance.UpdatedAt = Clock.GetUtcNow();
        return true;
    }

    /// <summary>
    /// Resumes a suspended instance: it takes back the status it had, then what arrived meanwhile is delivered
    /// in the order it came, each in a burst of its own; one that an earlier burst made moot (its bookmark
    /// removed, the instance ended) is dropped.
    /// </summary>
    public async ValueTask LiftSuspensionAsync(ExecutableWorkflow workflow, WorkflowInstance instance, CancellationToken cancellationToken = default)
    {
        EnsureActive(instance);
        var hold = instance.Hold ?? throw new InvalidOperationException($"Instance '{instance.Id}' is not suspended.");
        instance.Hold = null;
        instance.Status = hold.StatusBefore;
        instance.UpdatedAt = Clock.GetUtcNow();
        instance.Bookmarks.AddRange(hold.Arrived.Select(a => a.Bookmark));
        foreach (var arrived in hold.Arrived)
        {
            if (!instance.IsFinished && instance.Bookmarks.Exists(b => b.Id == arrived.Bookmark.Id))
            {
                await new Burst(this, workflow, instance, cancellationToken).ResumeAsync(arrived.Bookmark.Id, arrived.Payload, arrived.ResumedBy);
            }
        }
    }

    private static void EnsureActive(WorkflowInstance instance)
    {
        if (instance.IsFinished)
        {
            throw new InvalidOperationException($"Instance '{instance.Id}' is {instance.Status.ToString().ToLowerInvariant()}.");
        }
    }

    /// <summary>
    /// Works out what a modification would do, without running anything; refuses (with
    /// <see cref="ArgumentException"/> or <see cref="InvalidOperationException"/>, naming the path or node) one
    /// that names a path the instance does not have or one inside a loop's iteration, a node the process does
    /// not have, nothing at all, or that would leave no path.
    /// </summary>
    public static ModificationPlan PlanModification(ExecutableWorkflow workflow, WorkflowInstance instance, TokenModification modification)
    {
        EnsureRunnable(instance);
        if (modification.Cancel.Count == 0 && modification.PlaceAt.Count == 0)
        {
            throw new ArgumentException("The modification changes nothing: cancel a path or place one.");
        }

        var cancelled = new List<PlannedCancel>();
        foreach (var tokenId in modification.Cancel.Distinct())
        {
            var token = instance.Tokens.Find(t => t.Id == tokenId)
                ?? throw new ArgumentException($"Instance '{instance.Id}' has no path {tokenId} (it moved on or ended).");
            if (token.ScopeId != 0)
            {
                throw new ArgumentException($"Path {tokenId} at '{token.NodeId}' runs inside a loop's iteration: cancel or move the loop's own path instead.");
            }

            cancelled.Add(new PlannedCancel(tokenId, token.NodeId, token.Status, [.. instance.Bookmarks.Where(b => b.TokenId == tokenId).Select(b => b.Kind).Distinct()]));
        }

        foreach (var nodeId in modification.PlaceAt)
        {
            if (!workflow.Nodes.Any(n => n.Id == nodeId))
            {
                throw new ArgumentException($"Process '{instance.DefinitionId}' version {instance.DefinitionVersion} has no step '{nodeId}'.");
            }
        }

        var remaining = instance.Tokens.Where(t => !cancelled.Exists(c => c.TokenId == t.Id)).Select(t => t.NodeId).ToList();
        if (remaining.Count == 0 && modification.PlaceAt.Count == 0)
        {
            throw new InvalidOperationException("The modification would leave the case with no path: cancel the case instead.");
        }

        return new ModificationPlan(cancelled, [.. modification.PlaceAt], [.. remaining.Concat(modification.PlaceAt).Distinct()])
        {
            PlacedBesideAnother = [.. modification.PlaceAt.Where(remaining.Contains).Distinct()],
        };
    }

    /// <summary>Applies a modification (<see cref="PlanModification"/> checks it first); <paramref name="by"/> is journalled with it.</summary>
    public ValueTask ModifyAsync(ExecutableWorkflow workflow, WorkflowInstance instance, TokenModification modification, string by, CancellationToken cancellationToken = default)
    {
        PlanModification(workflow, instance, modification);
        return new Burst(this, workflow, instance, cancellationToken).ModifyAsync(modification with { Cancel = [.. modification.Cancel.Distinct()] }, by);
    }

    /// <summary>Active and not held by an operator: something may run.</summary>
    private static void EnsureRunnable(WorkflowInstance instance)
    {
        EnsureActive(instance);
        if (instance.Hold is { } hold)
        {
            throw new InvalidOperationException($"Instance '{instance.Id}' is suspended (by {hold.By} at {hold.At:u}): resume it first.");
        }
    }

    private static Incident OpenIncident(WorkflowInstance instance, int incidentId) =>
        instance.Incidents.Find(i => i.Id == incidentId && i.IsOpen)
        ?? throw new InvalidOperationException($"Instance '{instance.Id}' has no open incident {incidentId}.");

    private static Dictionary<string, JsonNode?> ReadInput(WorkflowDefinition definition, IDictionary<string, JsonNode?>? given)
    {
        var input = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var parameter in definition.Inputs)
        {
            JsonNode? value = null;
            var present = given is not null && given.TryGetValue(parameter.Name, out value) && value is not null;
            if (!present)
            {
                if (parameter.Required && parameter.Default is null)
                {
                    problems.Add($"input '{parameter.Name}' is required");
                }

                value = parameter.Default;
            }
            else if (JsonValues.CheckType(parameter.Type, value) is { } problem)
            {
                problems.Add($"input '{parameter.Name}': {problem}");
            }

            input[parameter.Name] = value;
        }

        foreach (var extra in given?.Where(g => !input.ContainsKey(g.Key)) ?? [])
        {
            input[extra.Key] = extra.Value;
        }

        return problems.Count == 0
            ? input
            : throw new ArgumentException($"Cannot start '{definition.Id}': {string.Join("; ", problems)}.");
    }
}
