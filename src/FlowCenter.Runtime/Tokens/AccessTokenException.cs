namespace FlowCenter.Runtime.Tokens;

/// <summary>A token that cannot be made or revoked as asked: a missing name, an unknown scope, someone else's token.</summary>
public sealed class AccessTokenException : Exception
{
    public AccessTokenException()
    {
    }

    public AccessTokenException(string message)
        : base(message)
    {
    }

    public AccessTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
