namespace FlowCenter.Engine.State;

public enum TokenStatus
{
    /// <summary>Will execute its node in the current or next burst.</summary>
    Ready,

    /// <summary>Its node waits on a bookmark.</summary>
    Waiting,

    /// <summary>Arrived at a join that has not fired yet.</summary>
    Parked,

    /// <summary>Owns a loop whose iterations are running.</summary>
    Looping,

    /// <summary>Its node failed; an incident holds the error.</summary>
    Faulted,
}
