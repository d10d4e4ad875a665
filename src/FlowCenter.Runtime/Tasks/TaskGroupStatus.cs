namespace FlowCenter.Runtime.Tasks;

public enum TaskGroupStatus
{
    /// <summary>Waiting for decisions.</summary>
    Open,

    /// <summary>Decided; the workflow is resumed with <see cref="TaskGroup.Outcome"/> (or was already).</summary>
    Decided,

    /// <summary>The workflow left the step by another way (timeout port, cancellation); nothing to decide.</summary>
    Closed,
}
