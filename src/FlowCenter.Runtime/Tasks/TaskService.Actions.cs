using FlowCenter.Engine.Contracts;
using global::System.Text.Json.Nodes;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Execution;

namespace FlowCenter.Runtime.Tasks;

public sealed partial class TaskService
{
    /// <summary>How many people one copy action may name.</summary>
    public const int MaxCopiesAtOnce = 20;

    /// <summary>
    /// Takes a person's action on their item. The step's decisions are made one at a time: a second click, a
    /// second tab or a second approver of an any-one step finds the item or step done and gets
    /// <see cref="TaskActionException.AlreadyHandled"/>. A decided step resumes the workflow.
    /// </summary>
    public async Task<TaskGroup> ActAsync(TaskCommand command, CancellationToken cancellationToken = default)
    {
        var groupId = await store.FindGroupIdOfItemAsync(command.ItemId, cancellationToken)
            ?? throw new TaskActionException(TaskRefusal.NoTask, $"There is no task '{command.ItemId}'.", [command.ItemId]);
        var actor = await directory.FindAsync(command.User, cancellationToken)
            ?? throw new TaskActionException(TaskRefusal.NoUser, $"There is no user '{command.User}'.", [command.User]);
        var target = command.Action is TaskAction.Transfer or TaskAction.Delegate or TaskAction.AddBefore or TaskAction.AddAfter
            ? await TargetUserAsync(command, cancellationToken)
            : null;
        var groupForRules = await store.FindGroupAsync(groupId, cancellationToken);
        if (command.Action is TaskAction.Comment or TaskAction.CarbonCopy && groupForRules is not null
            && !await access.MayReadAsync(groupForRules.InstanceId, new Cases.Caller(actor.UserName, actor.Roles), cancellationToken))
        {
            // Someone with no part in the case learns nothing from an id, not even that the task exists.
            throw new TaskActionException(TaskRefusal.NoTask, $"There is no task '{command.ItemId}'.", [command.ItemId]);
        }

        if (command.Action == TaskAction.CarbonCopy)
        {
            command = command with { Target = string.Join(",", await CopyTargetsAsync(command, cancellationToken)) };
        }

        if (command.Action == TaskAction.Decide && command.Data is { } data && JsonLimits.Check(data, "the form's values") is { } tooBig)
        {
            throw new TaskActionException(TaskRefusal.FormTooLarge, tooBig);
        }

        var standIn = target is not null && command.Action is TaskAction.Transfer or TaskAction.AddBefore or TaskAction.AddAfter && groupForRules is not null
            && await delegations.FindActiveAsync(target, groupForRules.DefinitionId, Now, cancellationToken) is { } rule
            && await directory.FindAsync(rule.DelegateTo, cancellationToken) is { Active: true } stand
                ? stand.UserName
                : null;
        var current = command.Action == TaskAction.Decide && command.Data is not null
            ? (await instances.LoadAsync(groupForRules!.InstanceId, cancellationToken))?.Instance.Variables
            : null;
        var returnTargets = command.Action == TaskAction.Return && groupForRules is not null
            ? await ReturnTargetsAsync(groupForRules, cancellationToken)
            : [];
        var copies = new List<CarbonCopy>();
        var notifications = new List<TaskNotification>();
        string? before = null;
        var group = await ChangeGroupAsync(groupId, group =>
        {
            notifications.Clear();
            var item = group.Items.Single(i => i.Id == command.ItemId);
            if (group.Status != TaskGroupStatus.Open)
            {
                throw group.Status == TaskGroupStatus.Decided
                    ? new TaskActionException(TaskRefusal.AlreadyDecided, $"'{group.Title}' was already decided.", [group.Title], alreadyHandled: true)
                    : new TaskActionException(TaskRefusal.AlreadyClosed, $"'{group.Title}' was already closed.", [group.Title], alreadyHandled: true);
            }

            // Only a decision or a return can decide the step, and only a decided step may need undoing.
            before = command.Action is TaskAction.Decide or TaskAction.Return ? global::System.Text.Json.JsonSerializer.Serialize(group) : null;
            return Apply(group, item, command, actor.UserName, actor.Roles, target, current, returnTargets, copies, notifications, standIn);
        }, cancellationToken, copies) ?? throw new TaskActionException(TaskRefusal.NoTask, $"There is no task '{command.ItemId}'.", [command.ItemId]);

        if (group.Status == TaskGroupStatus.Decided)
        {
            try
            {
                await ResumeAsync(group.Id, cancellationToken);
            }
            catch (Exception ex) when (IsRefusedByTheCase(ex))
            {
                // The decision and the case go together: a decision the instance cannot take is undone, the step
                // is open again (back in the inbox) and the person is told why. A crash or a database that is
                // away is not such a refusal: the decided step is then resumed by the deadline sweep.
                await ReopenAsync(global::System.Text.Json.JsonSerializer.Deserialize<TaskGroup>(before!)!, group.Revision, ex.Message, cancellationToken);
                throw new TaskActionException(TaskRefusal.NotApplied, $"The decision could not be applied to the case, so it was not taken: {ex.Message}", [ex.Message]);
            }
        }

        await NotifyAsync([.. notifications, .. copies.Select(c => Notification(c.UserName, TaskNotificationKind.Copied, group, null))], cancellationToken);
        await audit.RecordAsAsync(actor.UserName, "person", null, Audit.AuditActions.TaskAction + command.Action.ToString().ToLowerInvariant(), $"task:{command.ItemId}",
            $"{group.Title} ({group.InstanceId}){(command.Outcome is { } o ? ": " + o : "")}{(command.Target is { Length: > 0 } t ? " → " + t : "")}", cancellationToken);
        return group;
    }

    private static bool IsRefusedByTheCase(Exception ex) =>
        ex is global::System.Text.Json.JsonException or NotSupportedException or ArgumentException or FormatException
            or Engine.Execution.ResumeRejectedException or Engine.Validation.WorkflowValidationException;

    private async Task ReopenAsync(TaskGroup before, int decidedRevision, string reason, CancellationToken cancellationToken)
    {
        LogDecisionRefused(logger, before.Id, reason);
        var entry = Entry(before, null, System, TaskAction.Reopened) with { Comment = reason.Length > 1000 ? reason[..1000] : reason };
        await store.SaveGroupAsync(before, decidedRevision, [entry], [], CancellationToken.None);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "Step {GroupId}: the case refused the decision ({Reason}); the step is open again")]
    private static partial void LogDecisionRefused(Microsoft.Extensions.Logging.ILogger logger, string groupId, string reason);

    private List<TaskHistoryEntry> Apply(
        TaskGroup group, TaskItem item, TaskCommand command, string user, IReadOnlyList<string> roles, string? target,
        IReadOnlyDictionary<string, JsonNode?>? current, IReadOnlyList<string> returnTargets, List<CarbonCopy> copies, List<TaskNotification> notifications, string? standIn)
    {
        var entry = Entry(group, item, user, command.Action) with { Comment = command.Comment, Target = target ?? command.Target, OnBehalfOf = item.Owner };
        switch (command.Action)
        {
            case TaskAction.Comment:
                return [entry];
            case TaskAction.CarbonCopy:
                copies.AddRange((command.Target ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(u => new CarbonCopy(group.InstanceId, group.Id, u, user, group.Title, Now)));
                return [entry];
            case TaskAction.Claim:
                RequireOpen(item);
                if (!item.IsPool)
                {
                    throw new TaskActionException(TaskRefusal.AlreadyClaimed, $"'{group.Title}' was already claimed by {item.Assignee}.", [group.Title, item.Assignee ?? ""], alreadyHandled: true);
                }

                if (!item.CandidateUsers.Contains(user, StringComparer.OrdinalIgnoreCase) && !item.CandidateRoles.Intersect(roles, StringComparer.OrdinalIgnoreCase).Any())
                {
                    throw new TaskActionException(TaskRefusal.MayNotClaim, $"{user} may not claim '{group.Title}'.", [group.Title, user]);
                }

                item.Assignee = user;
                return [entry];
            case TaskAction.Unclaim:
                RequireMine(group, item, user);
                if (item.CandidateUsers.Count == 0 && item.CandidateRoles.Count == 0)
                {
                    throw new TaskActionException(TaskRefusal.NotFromPool, $"'{group.Title}' was assigned to {user}, not claimed from a pool.", [group.Title, user]);
                }

                item.Assignee = null;
                return [entry];
        }

        RequireMine(group, item, user);
        switch (command.Action)
        {
            case TaskAction.Decide:
                var outcome = command.Outcome ?? "";
                if (!group.Spec.Outcomes.Contains(outcome))
                {
                    throw new TaskActionException(TaskRefusal.NotAnOutcome, $"'{outcome}' is not one of {string.Join(", ", group.Spec.Outcomes)}.", [outcome]);
                }

                // Rejecting needs no complete form, but what it sends must still be the form's own editable fields.
                var complete = outcome == TaskOutcomes.Approve || !group.Spec.IsApproval;
                var problems = FormRules.Problems(group.Spec.Form, group.Spec.FieldAccess, command.Data, current ?? new Dictionary<string, JsonNode?>(), complete);
                if (problems.Count > 0)
                {
                    throw new TaskActionException(TaskRefusal.FormIncomplete, "The form is not filled in as it must be: " + string.Join("; ", problems.Select(p => p.Message)) + ".") { FormProblems = problems };
                }

                (item.Status, item.Outcome, item.DecidedBy, item.DecidedAt, item.Comment) = (TaskItemStatus.Completed, outcome, user, Now, command.Comment);
                entry = entry with { Target = outcome };
                ApprovalRules.Advance(group);
                MergeData(group, command.Data);
                if (ApprovalRules.Outcome(group) is { } decided)
                {
                    Decide(group, decided, user, command.Comment, command.Data);
                    if (group.Initiator is { } initiator)
                    {
                        notifications.Add(Notification(initiator, TaskNotificationKind.Decided, group, null) with { Detail = decided });
                    }
                }
                else
                {
                    notifications.AddRange(AssignedNotifications(group, group.Items.Where(i => i.Status == TaskItemStatus.Open && i.CreatedAt <= Now)));
                }

                return [entry];
            case TaskAction.Transfer:
                item.Status = TaskItemStatus.Transferred;
                var transferred = NewItem(group, standIn ?? target, TaskItemStatus.Open, item.CandidateUsers, item.CandidateRoles, item.Sequence);
                (transferred.Added, transferred.Owner) = (item.Added, standIn is null ? null : target);
                group.Items.Add(transferred);
                notifications.AddRange(AssignedNotifications(group, [transferred]));
                return [entry];
            case TaskAction.Delegate:
                item.Owner ??= item.Assignee;
                item.Assignee = target;
                notifications.AddRange(AssignedNotifications(group, [item]));
                return [entry];
            case TaskAction.AddBefore:
                var before = NewItem(group, standIn ?? target, TaskItemStatus.Open, sequence: item.Sequence);
                (before.Added, before.Owner) = (true, standIn is null ? null : target);
                (item.Status, item.BlockedBy) = (TaskItemStatus.Waiting, before.Id);
                group.Items.Add(before);
                notifications.AddRange(AssignedNotifications(group, [before]));
                return [entry];
            case TaskAction.AddAfter:
                var after = NewItem(group, standIn ?? target, TaskItemStatus.Waiting, sequence: item.Sequence);
                (after.Added, after.BlockedBy, after.Owner) = (true, item.Id, standIn is null ? null : target);
                group.Items.Add(after);
                return [entry];
            case TaskAction.Return:
                if (command.Target is not { } node || !returnTargets.Contains(node))
                {
                    throw new TaskActionException(TaskRefusal.CannotReturnThere, $"'{group.Title}' can be returned to {(returnTargets.Count == 0 ? "no earlier step" : string.Join(", ", returnTargets))}, not '{command.Target}'.", [group.Title]);
                }

                (item.Status, item.Outcome, item.DecidedBy, item.DecidedAt, item.Comment) = (TaskItemStatus.Completed, TaskOutcomes.Return, user, Now, command.Comment);
                Decide(group, TaskOutcomes.Return, user, command.Comment, null);
                group.ReturnTo = node;
                return [entry];
            default:
                throw new TaskActionException(TaskRefusal.NotAnAction, $"'{command.Action}' is not something a person does to a task.");
        }
    }

    /// <summary>Resumes the workflow with a decided step's decision, once; marks the step resumed.</summary>
    public async Task ResumeAsync(string groupId, CancellationToken cancellationToken = default)
    {
        var group = await store.FindGroupAsync(groupId, cancellationToken);
        if (group is not { Status: TaskGroupStatus.Decided, ResumedAt: null })
        {
            return;
        }

        var payload = group.Decision?.DeepClone() as JsonObject ?? [];
        if (group.ReturnTo is { } returnTo)
        {
            payload = new JsonObject { ["returnTo"] = returnTo, ["user"] = payload["user"]?.DeepClone(), ["comment"] = payload["comment"]?.DeepClone() };
        }

        try
        {
            await runtime.ResumeAsync(group.InstanceId, group.Id, payload, JsonValues.ToText(payload["user"]), cancellationToken);
        }
        catch (InstanceNotFoundException)
        {
            // The instance is gone; there is nothing left to resume.
        }

        await ChangeGroupAsync(groupId, g =>
        {
            if (g.ResumedAt is not null)
            {
                return null;
            }

            g.ResumedAt = Now;
            return [];
        }, cancellationToken);
    }

    private static void MergeData(TaskGroup group, JsonObject? data)
    {
        if (data is null)
        {
            return;
        }

        group.Decision ??= [];
        var merged = group.Decision["data"] as JsonObject ?? [];
        foreach (var (name, value) in data)
        {
            merged[name] = value?.DeepClone();
        }

        group.Decision["data"] = merged;
    }

    private static void RequireOpen(TaskItem item)
    {
        if (item.Status != TaskItemStatus.Open)
        {
            throw item.Status == TaskItemStatus.Waiting
                ? new TaskActionException(TaskRefusal.NotYourTurn, "It is not this task's turn yet.")
                : new TaskActionException(TaskRefusal.AlreadyHandled, "This task was already handled.", alreadyHandled: true);
        }
    }

    private static void RequireMine(TaskGroup group, TaskItem item, string user)
    {
        RequireOpen(item);
        if (!string.Equals(item.Assignee, user, StringComparison.OrdinalIgnoreCase))
        {
            throw item.IsPool
                ? new TaskActionException(TaskRefusal.ClaimFirst, $"Claim '{group.Title}' first.", [group.Title])
                : new TaskActionException(TaskRefusal.AssignedToOther, $"'{group.Title}' is assigned to {item.Assignee}, not {user}.", [group.Title, item.Assignee ?? ""]);
        }
    }

    /// <summary>The people to copy: each an active user, named once, at most <see cref="MaxCopiesAtOnce"/> at a time.</summary>
    private async Task<IReadOnlyList<string>> CopyTargetsAsync(TaskCommand command, CancellationToken cancellationToken)
    {
        var names = (command.Target ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0)
        {
            throw new TaskActionException(TaskRefusal.NoOneToCopy, "Name the people to copy.");
        }

        if (names.Count > MaxCopiesAtOnce)
        {
            throw new TaskActionException(TaskRefusal.TooManyToCopy, $"{names.Count} people were named; copy at most {MaxCopiesAtOnce} at a time.", [$"{names.Count}", $"{MaxCopiesAtOnce}"]);
        }

        var people = new List<string>();
        var unknown = new List<string>();
        foreach (var name in names)
        {
            if (await directory.FindAsync(name, cancellationToken) is { Active: true } person)
            {
                people.Add(person.UserName);
            }
            else
            {
                unknown.Add(name);
            }
        }

        return unknown.Count == 0 ? people : throw new TaskActionException(TaskRefusal.NoSuchPeopleToCopy, $"There is no active user {string.Join(", ", unknown.Select(u => $"'{u}'"))} to copy.", [string.Join(", ", unknown)]);
    }

    private async Task<string> TargetUserAsync(TaskCommand command, CancellationToken cancellationToken)
    {
        if (command.Target is not { Length: > 0 } name || await directory.FindAsync(name, cancellationToken) is not { Active: true } person)
        {
            throw new TaskActionException(TaskRefusal.NoSuchPerson, $"There is no active user '{command.Target}' to {command.Action.ToString().ToLowerInvariant()} to.", [command.Target ?? ""]);
        }

        if (string.Equals(person.UserName, command.User, StringComparison.OrdinalIgnoreCase))
        {
            throw new TaskActionException(TaskRefusal.NotYourself, "Choose someone other than yourself.");
        }

        return person.UserName;
    }
}
