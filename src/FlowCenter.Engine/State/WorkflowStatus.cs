namespace FlowCenter.Engine.State;

/// <summary>Where an instance stands between bursts.</summary>
public enum WorkflowStatus
{
    /// <summary>A burst is running, or the instance was created and has not run yet.</summary>
    Running,

    /// <summary>Every live path waits on a bookmark (a person, a timer, an event, a child instance).</summary>
    Waiting,

    /// <summary>At least one path stopped with an open incident, or an operator suspended the instance (<see cref="WorkflowInstance.Hold"/>).</summary>
    Suspended,

    Completed,

    Cancelled,

    Faulted,
}
