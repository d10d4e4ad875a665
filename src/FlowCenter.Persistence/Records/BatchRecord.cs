namespace FlowCenter.Persistence.Records;

public sealed class BatchRecord
{
    public string Id { get; set; } = "";

    public int Action { get; set; }

    /// <summary>The list filter the batch was made from, as its query string, or "N chosen".</summary>
    public string Filter { get; set; } = "";

    public string? Reason { get; set; }

    public string RequestedBy { get; set; } = "";

    /// <summary>The requester's roles, comma separated.</summary>
    public string RequestedRoles { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }

    public int Total { get; set; }

    public int Done { get; set; }

    public int Skipped { get; set; }

    public int Failed { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

public sealed class BatchItemRecord
{
    public string BatchId { get; set; } = "";

    /// <summary>The order the instance was taken in, from 1.</summary>
    public int Position { get; set; }

    public string InstanceId { get; set; } = "";

    public string? DefinitionId { get; set; }

    public string? BusinessKey { get; set; }

    public int Outcome { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset? At { get; set; }

    /// <summary>The node working the item, until <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }
}
