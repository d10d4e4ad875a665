namespace FlowCenter.Engine.Definitions;

/// <summary>A repeating reminder while a node waits; it does not end the wait.</summary>
public sealed class ReminderSettings
{
    /// <summary>Time between reminders (ISO 8601 duration); the first comes one interval after the wait began.</summary>
    public string Interval { get; set; } = "";

    /// <summary>How many reminders at most; zero means no limit.</summary>
    public int MaxCount { get; set; }
}
