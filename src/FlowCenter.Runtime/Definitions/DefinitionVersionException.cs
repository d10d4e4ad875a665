namespace FlowCenter.Runtime.Definitions;

/// <summary>A versioning rule was broken: changing a published version, publishing a retracted one, an unknown version.</summary>
public sealed class DefinitionVersionException : InvalidOperationException
{
    public DefinitionVersionException()
    {
    }

    public DefinitionVersionException(string message)
        : base(message)
    {
    }

    public DefinitionVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
