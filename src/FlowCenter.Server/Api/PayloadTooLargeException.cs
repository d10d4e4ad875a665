namespace FlowCenter.Server.Api;

/// <summary>A request body beyond its endpoint's limit; answered 413 naming the limit.</summary>
public sealed class PayloadTooLargeException : Exception
{
    public PayloadTooLargeException(long limit)
        : base($"The body is larger than {limit} bytes.")
    {
        Limit = limit;
    }

    public PayloadTooLargeException()
    {
    }

    public PayloadTooLargeException(string message)
        : base(message)
    {
    }

    public PayloadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long Limit { get; }
}
