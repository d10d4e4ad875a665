namespace FlowCenter.Runtime.Batches;

/// <summary>What a batch does to each instance it holds.</summary>
public enum BatchAction
{
    Cancel,
    Retry,
    Suspend,
    Resume,
}

/// <summary>What became of one instance in a batch.</summary>
public enum BatchItemOutcome
{
    /// <summary>Not reached yet.</summary>
    Pending,

    /// <summary>The action was applied.</summary>
    Done,

    /// <summary>The action did not apply (already ended, no open problem, not suspended): nothing changed.</summary>
    Skipped,

    /// <summary>The action was refused or failed; the message says why.</summary>
    Failed,
}

/// <summary>
/// An operator's action on many instances at once. The instances are fixed when the batch is made, from the
/// same filter the list showed (or the rows ticked), so it never touches more than the operator saw counted.
/// </summary>
public sealed record BatchJob(string Id, BatchAction Action, string Filter, string RequestedBy, DateTimeOffset RequestedAt)
{
    /// <summary>The roles the requester had, under which each instance is changed.</summary>
    public IReadOnlyList<string> RequestedRoles { get; init; } = [];

    public string? Reason { get; init; }

    public int Total { get; init; }

    public int Done { get; init; }

    public int Skipped { get; init; }

    public int Failed { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public int Processed => Done + Skipped + Failed;

    public bool IsFinished => FinishedAt is not null;
}

/// <summary>One instance of a batch and what became of it.</summary>
public sealed record BatchItem(string BatchId, string InstanceId, BatchItemOutcome Outcome, string? Message, DateTimeOffset? At)
{
    /// <summary>The process of the instance when the batch was made, for the result list.</summary>
    public string? DefinitionId { get; init; }

    public string? BusinessKey { get; init; }
}

/// <summary>
/// A batch to make: an action and either a list filter (<see cref="Instances.InstanceFilterText"/>, the list's
/// own address) or the ids of ticked rows. <see cref="ExpectedCount"/> is the count the operator was shown:
/// when the filter matches another number by now, the batch is refused rather than run on a set nobody saw.
/// </summary>
public sealed record BatchRequest(BatchAction Action)
{
    public string? Filter { get; init; }

    public IReadOnlyList<string>? InstanceIds { get; init; }

    public int? ExpectedCount { get; init; }

    public string? Reason { get; init; }
}
