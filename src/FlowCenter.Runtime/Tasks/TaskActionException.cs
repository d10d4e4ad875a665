namespace FlowCenter.Runtime.Tasks;

/// <summary>An action that cannot be taken; <see cref="AlreadyHandled"/> when someone (or another click) was first.</summary>
public sealed class TaskActionException : Exception
{
    public TaskActionException()
    {
    }

    public TaskActionException(string message)
        : base(message)
    {
    }

    public TaskActionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TaskActionException(string message, bool alreadyHandled)
        : base(message)
    {
        AlreadyHandled = alreadyHandled;
    }

    /// <summary>A refusal a page can put in the user's words: its reason and parts (names, counts).</summary>
    public TaskActionException(TaskRefusal reason, string message, IReadOnlyList<string>? arguments = null, bool alreadyHandled = false)
        : base(message)
    {
        Reason = reason;
        Arguments = arguments ?? [];
        AlreadyHandled = alreadyHandled;
    }

    public bool AlreadyHandled { get; }

    public TaskRefusal Reason { get; }

    public IReadOnlyList<string> Arguments { get; } = [];

    /// <summary>For <see cref="TaskRefusal.FormIncomplete"/>: what is wrong with the form, field by field.</summary>
    public IReadOnlyList<FormProblem> FormProblems { get; init; } = [];
}
