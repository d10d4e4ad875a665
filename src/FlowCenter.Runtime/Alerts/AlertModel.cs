namespace FlowCenter.Runtime.Alerts;

/// <summary>What an alert rule watches for.</summary>
public enum AlertKind
{
    /// <summary>A step stopped with an open problem (an incident).</summary>
    IncidentOpened,

    /// <summary>A case has been running longer than the target.</summary>
    InstanceTooLong,

    /// <summary>A case has waited at one step longer than the target.</summary>
    StepStuck,

    /// <summary>A person's step is past its due time.</summary>
    TaskOverdue,

    /// <summary>More than the given share of a step's runs failed within the window (a system that keeps failing).</summary>
    FailureRate,

    /// <summary>No case of the process started within the window (a trigger that went silent).</summary>
    NoStart,
}

public enum AlertState
{
    Open,
    Acknowledged,
    Resolved,
}

/// <summary>
/// A rule: what to watch (for one process or all, at one step or any), the target or window, whom to tell
/// (persons and roles; the operators when none is named) and how often to remind until someone acknowledges.
/// </summary>
public sealed record AlertRule(string Id, string Name, AlertKind Kind)
{
    public string? DefinitionId { get; init; }

    public string? NodeId { get; init; }

    /// <summary>The target (too long, stuck) or the window (failure rate, no start).</summary>
    public TimeSpan? Threshold { get; init; }

    /// <summary>The failure rate above which a step alerts, in percent.</summary>
    public double? Percent { get; init; }

    /// <summary>The fewest runs in the window for a failure rate to count (one failure of one run is not a rate).</summary>
    public int MinimumRuns { get; init; } = 5;

    public IReadOnlyList<string> Users { get; init; } = [];

    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>How often an open alert is told again until acknowledged; null: once.</summary>
    public TimeSpan? RemindEvery { get; init; }

    public bool Enabled { get; init; } = true;

    public string? UpdatedBy { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>
/// One occurrence of a rule's condition (a case, a case at a step, a task, a step's failure rate, a silent
/// process), from when it was first seen until it cleared.
/// </summary>
public sealed record Alert(string Id, string RuleId, string Key, DateTimeOffset OpenedAt)
{
    public string RuleName { get; init; } = "";

    public AlertKind Kind { get; init; }

    public string? DefinitionId { get; init; }

    public string? InstanceId { get; init; }

    public string? NodeId { get; init; }

    /// <summary>The facts when it was last seen, in the runtime's words (a problem's message, "3 of 8 runs failed").</summary>
    public string? Summary { get; init; }

    /// <summary>The same facts as values, for pages to word in their reader's language.</summary>
    public AlertFacts? Facts { get; init; }

    public AlertState State { get; init; }

    public DateTimeOffset LastNotifiedAt { get; init; }

    public int Notified { get; init; }

    public string? AcknowledgedBy { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }
}

/// <summary>A condition a rule found true now: what it is about, and the facts.</summary>
public sealed record AlertCondition(string Key, string? DefinitionId, string? InstanceId, string? NodeId, string Summary)
{
    /// <summary>Since when it holds (the problem opened, the step started, the task fell due).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>The facts as values (<see cref="Summary"/> is them in the runtime's English, for the API and e-mail).</summary>
    public AlertFacts? Facts { get; init; }
}

/// <summary>
/// The facts of an alert or a needs-attention item as values: which case (its business key, else its id), since
/// when, the problem's message or the task's title, and a failure rate's counts. Pages word them in the
/// reader's language; <see cref="AlertCondition.Summary"/> is the runtime's English for the API and e-mail.
/// </summary>
public sealed record AlertFacts
{
    public string? Case { get; init; }

    public DateTimeOffset? Since { get; init; }

    /// <summary>A problem's message, or the title of an overdue task.</summary>
    public string? Detail { get; init; }

    public int? Runs { get; init; }

    public int? Failed { get; init; }
}

/// <summary>What one evaluation did.</summary>
public sealed record AlertRun(int Opened, int Reminded, int Resolved);
