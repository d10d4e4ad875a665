using FlowCenter.Engine.Contracts;

namespace FlowCenter.Runtime.Tasks;

public sealed partial class TaskService
{
    /// <summary>
    /// The system's part, run on a schedule: overdue steps get their timeout action (approve, reject, escalate to
    /// the assignees' managers, notify), open steps their reminders (催办), and decided steps not yet resumed (the
    /// process stopped in between) resume. Returns how many steps it handled.
    /// </summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken = default)
    {
        var ids = await store.FindDueGroupIdsAsync(Now, 200, cancellationToken);
        foreach (var id in ids)
        {
            var escalated = new Dictionary<string, string>();
            foreach (var item in (await store.FindGroupAsync(id, cancellationToken))?.Items ?? [])
            {
                if (item is { Status: TaskItemStatus.Open, Assignee: { } assignee } && (await directory.FindAsync(assignee, cancellationToken))?.ManagerUserName is { } manager)
                {
                    escalated[item.Id] = manager;
                }
            }

            var notifications = new List<TaskNotification>();
            var group = await ChangeGroupAsync(id, group => Due(group, escalated, notifications), cancellationToken);
            if (group is null)
            {
                continue;
            }

            await NotifyAsync(notifications, cancellationToken);
            if (group is { Status: TaskGroupStatus.Decided, ResumedAt: null })
            {
                await ResumeAsync(group.Id, cancellationToken);
            }
        }

        return ids.Count;
    }

    private List<TaskHistoryEntry>? Due(TaskGroup group, Dictionary<string, string> managers, List<TaskNotification> notifications)
    {
        notifications.Clear();
        if (group.Status != TaskGroupStatus.Open)
        {
            return null;
        }

        var history = new List<TaskHistoryEntry>();
        var assignees = group.Items.Where(i => i is { Status: TaskItemStatus.Open, Assignee: not null }).ToList();
        if (group.DueAt <= Now && !group.TimeoutHandled)
        {
            group.TimeoutHandled = true;
            var action = group.Spec.TimeoutAction;
            history.Add(Entry(group, null, System, TaskAction.Timeout) with { Target = ContractNames.Of(action) });
            switch (action)
            {
                case TimeoutAction.Approve or TimeoutAction.Reject when group.Spec.Outcomes.Contains(ContractNames.Of(action)):
                    Decide(group, ContractNames.Of(action), System, "overdue", null);
                    break;
                case TimeoutAction.Escalate:
                    foreach (var item in assignees.Where(i => managers.ContainsKey(i.Id)))
                    {
                        item.Status = TaskItemStatus.Transferred;
                        var escalated = NewItem(group, managers[item.Id], TaskItemStatus.Open, item.CandidateUsers, item.CandidateRoles, item.Sequence);
                        escalated.Added = item.Added;
                        group.Items.Add(escalated);
                        history.Add(Entry(group, item, System, TaskAction.Escalate) with { Target = escalated.Assignee });
                        notifications.AddRange(AssignedNotifications(group, [escalated]));
                    }

                    break;
                default:
                    notifications.AddRange(assignees.Select(i => Notification(i.Assignee!, TaskNotificationKind.Overdue, group, i.Id)));
                    break;
            }
        }

        if (group.Status == TaskGroupStatus.Open && group.NextReminderAt <= Now && group.Spec.RemindEvery is { } every)
        {
            group.NextReminderAt = Now + every;
            history.Add(Entry(group, null, System, TaskAction.Remind) with { Target = string.Join(", ", assignees.Select(i => i.Assignee)) });
            notifications.AddRange(assignees.Select(i => Notification(i.Assignee!, TaskNotificationKind.Reminder, group, i.Id)));
        }

        return history;
    }
}
