namespace FlowCenter.Hangfire;

/// <summary>How the Hangfire server of a FlowCenter node runs.</summary>
public sealed class FlowCenterHangfireOptions
{
    /// <summary>How often scheduled jobs (timers) are checked; Hangfire's own default of 15 s is too coarse for timers.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int WorkerCount { get; set; } = Math.Max(4, Environment.ProcessorCount * 4);

    /// <summary>The name this node shows in the Hangfire dashboard.</summary>
    public string? ServerName { get; set; }

    /// <summary>When the alert rules are evaluated (cron, UTC): once per occurrence for the whole cluster.</summary>
    public string AlertSchedule { get; set; } = "* * * * *";

    /// <summary>Run a Hangfire server in this process; off for processes that only enqueue.</summary>
    public bool RunServer { get; set; } = true;
}
