namespace FlowCenter.Runtime.Execution;

public sealed class InstanceNotFoundException : KeyNotFoundException
{
    public InstanceNotFoundException()
    {
    }

    public InstanceNotFoundException(string message)
        : base(message)
    {
    }

    public InstanceNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
