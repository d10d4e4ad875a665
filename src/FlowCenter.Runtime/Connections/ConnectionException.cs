namespace FlowCenter.Runtime.Connections;

/// <summary>A connection that is missing, misconfigured, or asked to reach a host it does not allow.</summary>
public sealed class ConnectionException : Exception
{
    public ConnectionException()
    {
    }

    public ConnectionException(string message)
        : base(message)
    {
    }

    public ConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
