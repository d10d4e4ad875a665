using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;
using FlowCenter.Engine.State;
using FlowCenter.Runtime.Audit;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Instances;

namespace FlowCenter.Runtime.Cases;

/// <summary>
/// What operators see and do on one instance, for the Studio and the API alike: every action checks the caller
/// here (Operators and Administrators), and every change goes to the audit log with who, when and what.
/// </summary>
public sealed class InstanceOperations(IWorkflowRuntime runtime, IInstanceStore instances, AuditTrail audit, IAuditStore auditStore, Tasks.ITaskStore tasks)
{
    public const string VariableChanged = "instance.variable";

    /// <summary>The instance with its whole journal and who or what started it, for an operator; null when there is none.</summary>
    public async Task<InstanceDetails?> GetAsync(string instanceId, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        if (await instances.LoadAsync(instanceId, cancellationToken) is not { } stored)
        {
            return null;
        }

        stored.Instance.Journal = [.. await instances.GetJournalAsync(instanceId, cancellationToken)];
        return new InstanceDetails(stored.Instance, stored.StartedBy);
    }

    /// <summary>The instances this one started as sub-processes, oldest first.</summary>
    public async Task<IReadOnlyList<InstanceSummary>> ChildrenAsync(string instanceId, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        return (await runtime.QueryAsync(new InstanceQuery { ParentInstanceId = instanceId, Sort = InstanceSort.StartedOldest, Take = InstanceFilterText.MaxTake }, cancellationToken)).Items;
    }

    /// <summary>The instance's people's steps (user tasks), oldest first, each with whom it was given to and how it stands.</summary>
    public async Task<IReadOnlyList<Tasks.TaskGroup>> TasksAsync(string instanceId, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        return [.. (await tasks.ListGroupsAsync(instanceId, cancellationToken)).OrderBy(g => g.CreatedAt)];
    }

    /// <summary>What operators did to this instance (variable edits, retries, skips, a cancel), newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RepairsAsync(string instanceId, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        var target = Target(instanceId);
        var page = await auditStore.QueryAsync(new AuditQuery { Text = target, Take = 200 }, cancellationToken);
        return [.. page.Items.Where(e => e.Target == target && e.Action is VariableChanged or AuditActions.IncidentRetried or AuditActions.IncidentSkipped or AuditActions.InstanceCancelled or AuditActions.InstanceSuspended or AuditActions.InstanceResumed or AuditActions.InstanceModified)];
    }

    /// <summary>Sets a variable, giving a reason; the log keeps the value before and after.</summary>
    public async Task SetVariableAsync(string instanceId, string name, JsonNode? value, string reason, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("Say why the variable is changed: the reason is kept with the change.", nameof(reason));
        }

        var before = await runtime.SetVariableAsync(instanceId, name, value, cancellationToken);
        await audit.RecordAsync(VariableChanged, Target(instanceId), $"{name}: {Json(before)} → {Json(value)} · {reason.Trim()}", cancellationToken);
    }

    public async Task RetryAsync(string instanceId, int incidentId, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        await runtime.RetryIncidentAsync(instanceId, incidentId, cancellationToken);
        await audit.RecordAsync(AuditActions.IncidentRetried, Target(instanceId), $"incident {incidentId}", cancellationToken);
    }

    public async Task SkipAsync(string instanceId, int incidentId, string? port, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        port = string.IsNullOrWhiteSpace(port) ? Ports.Done : port;
        await runtime.SkipIncidentAsync(instanceId, incidentId, port, cancellationToken);
        await audit.RecordAsync(AuditActions.IncidentSkipped, Target(instanceId), $"incident {incidentId} through {port}", cancellationToken);
    }

    public async Task CancelAsync(string instanceId, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        await runtime.CancelAsync(instanceId, cancellationToken);
        await audit.RecordAsync(AuditActions.InstanceCancelled, Target(instanceId), null, cancellationToken);
    }

    /// <summary>Suspends the instance until an operator resumes it; what arrives meanwhile waits.</summary>
    public async Task SuspendAsync(string instanceId, string? reason, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        await runtime.SuspendAsync(instanceId, caller.UserName, reason, cancellationToken);
        await audit.RecordAsync(AuditActions.InstanceSuspended, Target(instanceId), reason, cancellationToken);
    }

    public async Task ResumeAsync(string instanceId, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        await runtime.ResumeInstanceAsync(instanceId, cancellationToken);
        await audit.RecordAsync(AuditActions.InstanceResumed, Target(instanceId), null, cancellationToken);
    }

    /// <summary>What moving, placing or cancelling paths would do, for the operator to confirm.</summary>
    public async Task<ModificationPlan> PlanModificationAsync(string instanceId, TokenModification modification, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        return await runtime.PlanModificationAsync(instanceId, modification, cancellationToken);
    }

    /// <summary>Moves, places or cancels paths; the journal and the audit log say who did what.</summary>
    public async Task<ModificationPlan> ModifyAsync(string instanceId, TokenModification modification, string? reason, Caller caller, CancellationToken cancellationToken = default)
    {
        Require(caller);
        var plan = await runtime.ModifyAsync(instanceId, modification, caller.UserName, cancellationToken);
        var what = string.Join("; ", [.. plan.Cancelled.Select(c => $"path {c.TokenId} at {c.NodeId} cancelled"), .. plan.Placed.Select(n => $"path placed at {n}")]);
        await audit.RecordAsync(AuditActions.InstanceModified, Target(instanceId), string.IsNullOrWhiteSpace(reason) ? what : $"{what} · {reason.Trim()}", cancellationToken);
        return plan;
    }

    private static string Target(string instanceId) => "instance:" + instanceId;

    private static string Json(JsonNode? value) => value?.ToJsonString(WorkflowJson.CompactOptions) ?? "null";

    private static void Require(Caller caller) => caller.RequireOperator("instances are repaired by Operators and Administrators");
}

/// <summary>An instance as operators see it: all of it, and who or what started it (a person, <c>event:…</c>, <c>cron</c>, <c>parent:…</c>).</summary>
public sealed record InstanceDetails(WorkflowInstance Instance, Instances.Starter? StartedBy);
