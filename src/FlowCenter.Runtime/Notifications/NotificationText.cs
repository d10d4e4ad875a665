using FlowCenter.Runtime.Tasks;

namespace FlowCenter.Runtime.Notifications;

/// <summary>The words of a notification for e-mail and chat, in Chinese and English together (the reader's language is not known).</summary>
public static class NotificationText
{
    public static string Subject(TaskNotification n) => n.Kind switch
    {
        TaskNotificationKind.Assigned => $"待办 To do: {n.Title}",
        TaskNotificationKind.Reminder => $"催办 Reminder: {n.Title}",
        TaskNotificationKind.Overdue => $"已超时 Overdue: {n.Title}",
        TaskNotificationKind.Copied => $"抄送 Copy: {n.Title}",
        TaskNotificationKind.Decided => $"审批结果 Decided ({n.Detail}): {n.Title}",
        TaskNotificationKind.Incident => $"流程故障 Incident: {n.Title}",
        TaskNotificationKind.Alert => $"监控告警 Alert: {n.Title}",
        _ => n.Title,
    };

    /// <summary>Where the person acts: the task page, or the request page for copies and results.</summary>
    public static string Link(TaskNotification n, string? studioUrl) => $"{(studioUrl ?? "").TrimEnd('/')}/{PathOf(n.Kind, n.ItemId, n.InstanceId)}";

    /// <summary>The Studio page of a notification, relative to the Studio's root.</summary>
    public static string PathOf(TaskNotificationKind kind, string? itemId, string instanceId) => kind switch
    {
        // An alert about one case opens the case; one about a process (a failure rate, a silent trigger) the alerts page.
        TaskNotificationKind.Alert => instanceId.Length > 0 ? $"instances/{instanceId}" : $"alerts?alert={itemId}",
        _ => itemId is { } item && kind is not (TaskNotificationKind.Copied or TaskNotificationKind.Decided) ? $"tasks/{item}" : $"requests/{instanceId}",
    };
}
