namespace FlowCenter.Engine.Execution;

/// <summary>The bookmark is not live: it was already handled (exactly once) or never existed.</summary>
public sealed class BookmarkNotFoundException : InvalidOperationException
{
    public BookmarkNotFoundException()
    {
    }

    public BookmarkNotFoundException(string message)
        : base(message)
    {
    }

    public BookmarkNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
