namespace FlowCenter.Engine.Serialization;

/// <summary>A file is not a readable definition: malformed JSON, an unknown property, a wrong type, too large.</summary>
public sealed class WorkflowFormatException : Exception
{
    public WorkflowFormatException()
    {
    }

    public WorkflowFormatException(string message)
        : base(message)
    {
    }

    public WorkflowFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
