using FlowCenter.Engine.Contracts;
using FlowCenter.Engine.Execution;
using System.Text.Json.Nodes;
using FlowCenter.Engine.State;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Organization;
using Microsoft.Extensions.Logging;

namespace FlowCenter.Runtime.Tasks;

/// <summary>
/// People's work: turns user-task bookmarks into inbox items for the people they name, takes their actions
/// (each step's decisions one at a time, each item decided once), and resumes the workflow once a step is decided.
/// </summary>
public sealed partial class TaskService(
    ITaskStore store,
    AssignmentResolver resolver,
    IDirectory directory,
    IDelegationStore delegations,
    IAttachmentStore attachments,
    Cases.CaseAccess access,
    Audit.AuditTrail audit,
    Microsoft.Extensions.Options.IOptions<RuntimeOptions> runtimeOptions,
    IInstanceStore instances,
    IWorkflowRuntime runtime,
    IEnumerable<ITaskNotifier> notifiers,
    TimeProvider clock,
    IIdGenerator ids,
    ILogger<TaskService> logger)
{
    private const string System = "system";
    private const int MaxAttempts = 8;

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Makes the steps of an instance match its bookmarks: new user tasks get items, left ones close.</summary>
    public async Task SyncAsync(StoredInstance stored, IEnumerable<Bookmark> added, IEnumerable<string> removed, CancellationToken cancellationToken = default)
    {
        foreach (var bookmark in added.Where(b => b.Kind == BookmarkKind.UserTask))
        {
            await CreateGroupAsync(stored, bookmark, cancellationToken);
        }

        foreach (var id in removed)
        {
            await ChangeGroupAsync(id, group =>
            {
                if (group.Status != TaskGroupStatus.Open)
                {
                    return null;
                }

                group.Status = TaskGroupStatus.Closed;
                CancelOpenItems(group);
                return [Entry(group, null, System, TaskAction.Closed)];
            }, cancellationToken);
        }
    }

    /// <summary>
    /// Brings an instance's steps in line with what it waits at (after a crash between its commit and the steps'
    /// change): creates the steps of waiting user tasks that have none and closes the open steps of tasks it no
    /// longer waits at.
    /// </summary>
    public async Task CatchUpAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        if (await instances.LoadAsync(instanceId, cancellationToken) is { } stored)
        {
            var groups = await store.ListGroupsAsync(instanceId, cancellationToken);
            var known = groups.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
            var waiting = stored.Instance.Bookmarks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
            var gone = groups.Where(g => g.Status == TaskGroupStatus.Open && !waiting.Contains(g.Id)).Select(g => g.Id).ToList();
            await SyncAsync(stored, stored.Instance.Bookmarks.Where(b => !known.Contains(b.Id)), gone, cancellationToken);
        }
    }

    public Task<Page<TaskListItem>> QueryAsync(TaskQuery query, CancellationToken cancellationToken = default) => store.QueryAsync(query, cancellationToken);

    public Task<Page<CarbonCopy>> CopiesAsync(string user, string? search = null, int skip = 0, int take = 50, CancellationToken cancellationToken = default) =>
        store.CopiesAsync(user, search, skip, take, cancellationToken);

    public Task<IReadOnlyDictionary<string, TaskHistoryEntry>> LatestDecisionsAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default) =>
        store.LatestDecisionsAsync(instanceIds, cancellationToken);

    private async Task CreateGroupAsync(StoredInstance stored, Bookmark bookmark, CancellationToken cancellationToken)
    {
        var instance = stored.Instance;
        var spec = Engine.Activities.Waiting.UserTask.RequestOf(bookmark);
        var group = new TaskGroup
        {
            Id = bookmark.Id,
            InstanceId = instance.Id,
            DefinitionId = instance.DefinitionId,
            DefinitionVersion = instance.DefinitionVersion,
            NodeId = bookmark.NodeId,
            Title = bookmark.Name ?? bookmark.NodeId,
            BusinessKey = instance.BusinessKey,
            Initiator = stored.StartedBy?.ToString(),
            Spec = spec,
            CreatedAt = Now,
            DueAt = spec.DueAt,
            NextReminderAt = spec.RemindEvery is { } every ? Now + every : null,
        };
        var users = await resolver.ResolveAsync(spec, instance.Id, stored.StartedBy?.ToString(), cancellationToken);
        var history = new List<TaskHistoryEntry>();
        AddItems(group, spec, users);
        history.AddRange(await ApplyOutOfOfficeAsync(group, group.Items, cancellationToken));
        if (group.Items.Count == 0)
        {
            if (spec.AutoApprove)
            {
                Decide(group, spec.IsApproval ? TaskOutcomes.Approve : spec.Outcomes[0], System, "nobody to assign the task to", null);
                history.Add(Entry(group, null, System, TaskAction.AutoApprove) with { Target = group.Outcome });
            }
            else
            {
                // Nobody found: an administrator claims it from the pool and transfers it to the right person.
                group.Items.Add(NewItem(group, null, TaskItemStatus.Open, roles: [Roles.Administrator]));
            }
        }

        history.Insert(0, Entry(group, null, System, TaskAction.Created) with
        {
            Target = string.Join(", ", group.Items.Select(i => i.Assignee ?? "pool")),
        });
        var copies = spec.CarbonCopy.Select(u => new CarbonCopy(group.InstanceId, group.Id, u, group.Initiator ?? System, group.Title, Now)).ToList();
        if (!await store.AddGroupAsync(group, history, copies, cancellationToken))
        {
            return;
        }

        await NotifyAsync([.. AssignedNotifications(group, group.Items), .. copies.Select(c => Notification(c.UserName, TaskNotificationKind.Copied, group, null))], cancellationToken);
        if (group.Status == TaskGroupStatus.Decided)
        {
            await ResumeAsync(group.Id, cancellationToken);
        }
    }

    /// <summary>Items for someone out of office go to the person they named, who acts on their behalf.</summary>
    private async Task<List<TaskHistoryEntry>> ApplyOutOfOfficeAsync(TaskGroup group, IEnumerable<TaskItem> items, CancellationToken cancellationToken)
    {
        var history = new List<TaskHistoryEntry>();
        foreach (var item in items.Where(i => i.Assignee is not null && i.Owner is null).ToList())
        {
            if (await delegations.FindActiveAsync(item.Assignee!, group.DefinitionId, Now, cancellationToken) is { } rule
                && await directory.FindAsync(rule.DelegateTo, cancellationToken) is { Active: true } stand)
            {
                (item.Owner, item.Assignee) = (item.Assignee, stand.UserName);
                history.Add(Entry(group, item, item.Owner!, TaskAction.Delegate) with { Target = stand.UserName, Comment = "out of office" });
            }
        }

        return history;
    }

    private void AddItems(TaskGroup group, UserTaskRequest spec, IReadOnlyList<string> users)
    {
        if (users.Count == 0 && (spec.CandidateUsers.Count > 0 || spec.CandidateGroups.Count > 0))
        {
            group.Items.Add(NewItem(group, null, TaskItemStatus.Open, spec.CandidateUsers, spec.CandidateGroups));
        }
        else if (spec.Mode == ApprovalMode.Single && users.Count > 1)
        {
            group.Items.Add(NewItem(group, null, TaskItemStatus.Open, users, spec.CandidateGroups));
        }
        else
        {
            for (var i = 0; i < users.Count; i++)
            {
                var waiting = spec.Mode == ApprovalMode.Sequential && i > 0;
                group.Items.Add(NewItem(group, users[i], waiting ? TaskItemStatus.Waiting : TaskItemStatus.Open, sequence: i));
            }
        }
    }

    private TaskItem NewItem(TaskGroup group, string? assignee, TaskItemStatus status, IEnumerable<string>? users = null, IEnumerable<string>? roles = null, int sequence = 0) => new()
    {
        Id = ids.NewId(),
        GroupId = group.Id,
        Assignee = assignee,
        Status = status,
        Sequence = sequence,
        CandidateUsers = [.. users ?? []],
        CandidateRoles = [.. roles ?? []],
        CreatedAt = Now,
    };

    private static void Decide(TaskGroup group, string outcome, string user, string? comment, JsonObject? data)
    {
        group.Status = TaskGroupStatus.Decided;
        group.Outcome = outcome;
        var merged = group.Decision?["data"]?.DeepClone() as JsonObject ?? [];
        foreach (var (name, value) in data ?? [])
        {
            merged[name] = value?.DeepClone();
        }

        group.Decision = new JsonObject { ["outcome"] = outcome, ["user"] = user, ["comment"] = comment, ["data"] = merged };
        CancelOpenItems(group);
    }

    private static void CancelOpenItems(TaskGroup group)
    {
        foreach (var item in group.Items.Where(i => i.Status is TaskItemStatus.Open or TaskItemStatus.Waiting))
        {
            item.Status = TaskItemStatus.Cancelled;
        }
    }

    private TaskHistoryEntry Entry(TaskGroup group, TaskItem? item, string user, TaskAction action) =>
        new(group.InstanceId, group.Id, item?.Id, Now, user, action) { NodeId = group.NodeId };

    private async Task<IReadOnlyList<string>> ReturnTargetsAsync(TaskGroup group, CancellationToken cancellationToken) =>
        ReturnTargets.Of(await store.ListGroupsAsync(group.InstanceId, cancellationToken), group);

    /// <summary>Reads a step, changes it, saves it if nobody else did meanwhile (else again from a fresh read).</summary>
    private async Task<TaskGroup?> ChangeGroupAsync(string groupId, Func<TaskGroup, List<TaskHistoryEntry>?> change, CancellationToken cancellationToken, List<CarbonCopy>? copies = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var group = await store.FindGroupAsync(groupId, cancellationToken);
            if (group is null)
            {
                return null;
            }

            var revision = group.Revision;
            copies?.Clear();
            var history = change(group);
            if (history is null)
            {
                return group;
            }

            try
            {
                await store.SaveGroupAsync(group, revision, history, copies ?? [], cancellationToken);
                group.Revision = revision + 1;
                return group;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                LogGroupConflict(logger, groupId, attempt);
            }
        }
    }

    private async Task NotifyAsync(List<TaskNotification> notifications, CancellationToken cancellationToken)
    {
        if (notifications.Count == 0)
        {
            return;
        }

        foreach (var notifier in notifiers)
        {
            try
            {
                await notifier.NotifyAsync(notifications, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogNotifyFailed(logger, ex, notifier.GetType().Name);
            }
        }
    }

    private IEnumerable<TaskNotification> AssignedNotifications(TaskGroup group, IEnumerable<TaskItem> items) =>
        items.Where(i => i.Status == TaskItemStatus.Open && i.Assignee is not null).Select(i => Notification(i.Assignee!, TaskNotificationKind.Assigned, group, i.Id));

    private TaskNotification Notification(string user, TaskNotificationKind kind, TaskGroup group, string? itemId) =>
        new(user, kind, group.Title, group.InstanceId, itemId, Now);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Step {GroupId} was changed by someone else first (attempt {Attempt}); reading it again")]
    private static partial void LogGroupConflict(ILogger logger, string groupId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification channel {Channel} failed")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string channel);
}
