namespace FlowCenter.Runtime.Scheduling;

public enum ContinuationKind
{
    /// <summary>Start the child instance for a parent's sub-process bookmark.</summary>
    StartChild,

    /// <summary>A child ended: resume its parent's bookmark with its outcome.</summary>
    NotifyParent,

    /// <summary>A child is no longer awaited: cancel it.</summary>
    CancelChild,

    /// <summary>A step published an event: deliver it, then let the step go on.</summary>
    Publish,
}
