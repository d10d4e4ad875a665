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

    public bool AlreadyHandled { get; }
}
