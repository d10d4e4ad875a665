namespace FlowCenter.Engine.Execution;

/// <summary>An activity failed in a way the retry policy, the error port or an incident handles.</summary>
public class ActivityException : Exception
{
    public ActivityException()
    {
    }

    public ActivityException(string message)
        : base(message)
    {
    }

    public ActivityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A short code for routing and reports, such as <c>NoBranchMatched</c>.</summary>
    public string? Code { get; init; }
}
