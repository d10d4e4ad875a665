namespace FlowCenter.Runtime.Tasks;

public enum TaskNotificationKind
{
    Assigned,
    Reminder,
    Overdue,
    Copied,
    Decided,
}
