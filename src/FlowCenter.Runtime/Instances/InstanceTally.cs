using FlowCenter.Engine.State;

namespace FlowCenter.Runtime.Instances;

/// <summary>
/// What an instance counts as in the totals a store keeps: its process version, its status and whether it has
/// open problems. A save that changes it moves the instance from one count to the other.
/// </summary>
public readonly record struct InstanceTally(string DefinitionId, int Version, WorkflowStatus Status, bool Incidents)
{
    /// <summary>Whether the instance is live: running, waiting or suspended, not ended.</summary>
    public bool IsLive => IsLiveStatus(Status);

    /// <summary>The live statuses: running, waiting, suspended (held by a problem or an operator).</summary>
    public static bool IsLiveStatus(WorkflowStatus status) => status is WorkflowStatus.Running or WorkflowStatus.Waiting or WorkflowStatus.Suspended;

    public static InstanceTally Of(WorkflowInstance instance) =>
        new(instance.DefinitionId, instance.DefinitionVersion, instance.Status, instance.Incidents.Any(i => i.IsOpen));
}
