namespace FlowCenter.Runtime;

/// <summary>Settings of the durable runtime.</summary>
public sealed class RuntimeOptions
{
    /// <summary>This node's name in journals; by default the machine name and process id.</summary>
    public string? WorkerName { get; set; }

    /// <summary>A folder whose definitions are imported and published at start-up; none when empty.</summary>
    public string? WorkflowsFolder { get; set; }

    /// <summary>How often each node looks for batch work that it was not told of (made on another node, or left by a crash).</summary>
    public TimeSpan BatchPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a node holds the batch items it took before another node may take them (after a crash).</summary>
    public TimeSpan BatchClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often the database is asked for due timers when nothing earlier was scheduled; when not set, as the
    /// scheduler in use wants (<see cref="Scheduling.TimerPollerDefaults"/>: 1 s alone, 2 s behind Hangfire).
    /// </summary>
    public TimeSpan? TimerPollInterval { get; set; }

    /// <summary>
    /// How late a timer may be before the database poller fires it: zero when the poller is the scheduler;
    /// behind another scheduler (Hangfire) a few seconds, so the poller takes only what that one missed (a job
    /// lost with the database that stored it, a node gone) and does not race it for every timer. When not set, as
    /// the scheduler in use wants (<see cref="Scheduling.TimerPollerDefaults"/>).
    /// </summary>
    public TimeSpan? TimerLateness { get; set; }

    /// <summary>How many due timers one poll fires at most.</summary>
    public int TimerBatchSize { get; set; } = 200;

    /// <summary>How often a save that lost a race with another writer is tried again from a fresh read.</summary>
    public int MaxConflictRetries { get; set; } = 5;

    /// <summary>The largest file that can be attached to a task.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How often the instance totals' change rows are folded into one per process version and status.</summary>
    public TimeSpan CountFoldInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often overdue tasks, reminders and left-over resumes are looked for.</summary>
    public TimeSpan TaskPollInterval { get; set; } = TimeSpan.FromSeconds(15);
}
