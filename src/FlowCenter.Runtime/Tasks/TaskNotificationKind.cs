namespace FlowCenter.Runtime.Tasks;

public enum TaskNotificationKind
{
    Assigned,
    Reminder,
    Overdue,
    Copied,
    Decided,

    /// <summary>For operators: a case stopped at a step that failed (an incident) and waits for repair.</summary>
    Incident,

    /// <summary>For the people an alert rule names: its condition holds (a stuck step, a silent trigger). The item id is the alert's.</summary>
    Alert,
}
