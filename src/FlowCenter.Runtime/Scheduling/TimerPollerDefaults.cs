namespace FlowCenter.Runtime.Scheduling;

/// <summary>
/// How the database timer poller runs when the operator does not say (<see cref="RuntimeOptions.TimerPollInterval"/>,
/// <see cref="RuntimeOptions.TimerLateness"/>): as the scheduler (every second, every due timer) by default; a
/// module that brings its own scheduler replaces these to make the poller its safety net.
/// </summary>
public sealed record TimerPollerDefaults(TimeSpan PollInterval, TimeSpan Lateness)
{
    public static readonly TimerPollerDefaults Alone = new(TimeSpan.FromSeconds(1), TimeSpan.Zero);
}
