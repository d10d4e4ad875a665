namespace FlowCenter.Runtime.Monitoring;

/// <summary>One process's figures for the operators' home; cycle times over the cases completed in the last 7 days.</summary>
public sealed record ProcessFigures(string DefinitionId)
{
    public int Running { get; init; }

    public int WaitingOnPeople { get; init; }

    public int OpenIncidents { get; init; }

    public int CompletedToday { get; init; }

    public int CompletedWeek { get; init; }

    public TimeSpan? AverageCycle { get; init; }

    public TimeSpan? P95Cycle { get; init; }
}

/// <summary>Cases started, completed and failed in one hour or day.</summary>
public sealed record ActivityBucket(DateTimeOffset From, int Started, int Completed, int Faulted);

/// <summary>Something that needs an operator, oldest first: a problem, a step waiting too long, a person's step overdue.</summary>
public sealed record Attention(AttentionKind Kind, string? DefinitionId, string? InstanceId, string? NodeId, string Summary, DateTimeOffset Since)
{
    /// <summary>The facts as values, for the page to word in its reader's language.</summary>
    public Alerts.AlertFacts? Facts { get; init; }
}

public enum AttentionKind
{
    Incident,
    Stuck,
    Overdue,
}

/// <summary>
/// Where the cases of one process version stand now: at each step, how many executions are open there (running or
/// waiting) and how many problems are open there (a path stopped by a problem counts as a problem, not as open).
/// </summary>
public sealed record NodeStatistics(string NodeId, int Active, int Incidents);

public sealed record OperatorOverview(IReadOnlyList<ProcessFigures> Processes, IReadOnlyList<ActivityBucket> Activity, IReadOnlyList<Attention> NeedsAttention);

/// <summary>The figures of the operators' home, read with a few grouped queries that cost the same however long the history.</summary>
public interface IOperationsFigures
{
    /// <summary>Per process: running, waiting on people, open problems, completed since each start, cycle times of the week.</summary>
    Task<IReadOnlyList<ProcessFigures>> ProcessFiguresAsync(DateTimeOffset dayStart, DateTimeOffset weekStart, CancellationToken cancellationToken = default);

    /// <summary>Per step of one process version: the open executions there now and the open problems there (live, not history).</summary>
    Task<IReadOnlyList<NodeStatistics>> NodeStatisticsAsync(string definitionId, int version, CancellationToken cancellationToken = default);

    /// <summary>Started, completed and failed per bucket from <paramref name="since"/> to <paramref name="until"/>.</summary>
    Task<IReadOnlyList<ActivityBucket>> ActivityAsync(DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, CancellationToken cancellationToken = default);
}
