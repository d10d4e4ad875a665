namespace FlowCenter.Persistence.Records;

public sealed class BookmarkRecord
{
    public string Id { get; set; } = "";

    public string InstanceId { get; set; } = "";

    public int Kind { get; set; }

    public string NodeId { get; set; } = "";

    public int TokenId { get; set; }

    public string? Name { get; set; }

    public string? CorrelationKey { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    /// <summary>For user tasks: the assignee, for inbox queries.</summary>
    public string? Assignee { get; set; }

    public string? Data { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
