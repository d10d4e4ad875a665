namespace FlowCenter.Persistence.Records;

public sealed class InstanceRecord
{
    public string Id { get; set; } = "";

    public string DefinitionId { get; set; } = "";

    public int DefinitionVersion { get; set; }

    public int Status { get; set; }

    public string? BusinessKey { get; set; }

    public string? StartedBy { get; set; }

    public string? ParentInstanceId { get; set; }

    public string? ParentBookmarkId { get; set; }

    /// <summary>The nodes where tokens stand, comma separated, for lists.</summary>
    public string? CurrentNodes { get; set; }

    public int OpenIncidents { get; set; }

    /// <summary>Variables, input, output, tokens and scopes as JSON.</summary>
    public string State { get; set; } = "";

    /// <summary>Incremented by every save; a save checks it still has the value it read.</summary>
    public long Revision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The start as milliseconds since 1970 (UTC), so that a running instance's duration can be computed in a query.</summary>
    public long StartedMs { get; set; }

    /// <summary>Milliseconds from start to end once the instance ended; null while it runs.</summary>
    public long? DurationMs { get; set; }
}
