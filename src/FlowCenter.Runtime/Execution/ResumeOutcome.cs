namespace FlowCenter.Runtime.Execution;

public enum ResumeOutcome
{
    /// <summary>The bookmark was live and this call consumed it.</summary>
    Resumed,

    /// <summary>The bookmark was consumed before (by another call, node or click): nothing happened.</summary>
    AlreadyHandled,

    /// <summary>A timer was asked to fire before its due time: nothing happened; schedule it again.</summary>
    NotYetDue,

    /// <summary>
    /// The instance is suspended: the bookmark was taken and its resumption is kept, in order, for when an
    /// operator resumes the instance. Like <see cref="Resumed"/>, a second call finds it handled.
    /// </summary>
    Held,
}
