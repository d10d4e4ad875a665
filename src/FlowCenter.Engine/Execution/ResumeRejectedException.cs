namespace FlowCenter.Engine.Execution;

/// <summary>The payload cannot resume the bookmark (an unknown outcome, a missing field); nothing was changed.</summary>
public sealed class ResumeRejectedException : InvalidOperationException
{
    public ResumeRejectedException()
    {
    }

    public ResumeRejectedException(string message)
        : base(message)
    {
    }

    public ResumeRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
