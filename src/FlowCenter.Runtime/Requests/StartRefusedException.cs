namespace FlowCenter.Runtime.Requests;

/// <summary>The person may not start this process: it names who may, or that it runs only inside another process.</summary>
public sealed class StartRefusedException : InvalidOperationException
{
    public StartRefusedException()
    {
    }

    public StartRefusedException(string message)
        : base(message)
    {
    }

    public StartRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
