namespace FlowCenter.Runtime.Tasks;

/// <summary>A row of an inbox list.</summary>
public sealed record TaskListItem(string ItemId, string GroupId, string InstanceId, string DefinitionId, string NodeId, string Title)
{
    public string? BusinessKey { get; init; }

    public string? Initiator { get; init; }

    public string? Assignee { get; init; }

    public string? Owner { get; init; }

    public TaskItemStatus Status { get; init; }

    public string? Outcome { get; init; }

    public string Mode { get; init; } = "single";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }
}
