namespace FlowCenter.Runtime.Audit;

/// <summary>A filter over the audit log: a time range, an actor, an action (or its prefix, as <c>definition.</c>), a text in the target or detail.</summary>
public sealed record AuditQuery
{
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public string? Actor { get; init; }

    public string? Action { get; init; }

    public string? Text { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 100;
}
