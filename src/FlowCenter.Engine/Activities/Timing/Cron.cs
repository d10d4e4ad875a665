using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Activities.Timing;

/// <summary>A start trigger on a cron schedule; the host's scheduler starts an instance here at each occurrence.</summary>
[Activity("Cron", Category = "Timing", DisplayName = "Cron schedule", Description = "Starts an instance on a cron schedule.", IsTrigger = true)]
public sealed class Cron : IActivity
{
    public static readonly ActivityInput<string?> Expression = Inputs.Cron("cron", "Five fields (minute hour day month weekday), or six with seconds first.");

    public static readonly ActivityInput<string?> TimeZone = Inputs.String("timeZone", "The IANA time zone of the schedule, such as Asia/Shanghai; UTC when empty.");

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }
}
