using FlowCenter.Engine.Contracts;

namespace FlowCenter.Runtime.Tasks;

/// <summary>
/// When a step is decided, by its mode: one person; sequential (one after another, a rejection ends it); all
/// (countersign, 会签: a rejection rejects, all approvals approve); any one (或签: the first decision counts);
/// a percentage of the approvers. Approvers added by 加签 must always decide before the step does. Tasks with
/// outcomes of their own (not approve/reject) are decided by the first outcome chosen.
/// </summary>
public static class ApprovalRules
{
    /// <summary>The outcome once the step is decided; null while it waits for more decisions.</summary>
    public static string? Outcome(TaskGroup group)
    {
        var live = group.Items.Where(i => i.Status is not (TaskItemStatus.Cancelled or TaskItemStatus.Transferred)).ToList();
        var completed = live.Where(i => i.Status == TaskItemStatus.Completed).ToList();
        var pendingAdded = live.Any(i => i.Added && i.Status is TaskItemStatus.Open or TaskItemStatus.Waiting);
        if (!group.Spec.IsApproval)
        {
            return completed.Count > 0 && !pendingAdded ? completed.OrderBy(i => i.DecidedAt).First().Outcome : null;
        }

        // A rejection ends the step, except in percent mode while enough people are left to reach the share.
        var rejected = completed.Where(i => i.Outcome != TaskOutcomes.Approve).OrderBy(i => i.DecidedAt).ToList();
        if (rejected.Count > 0 && (group.Spec.Mode != ApprovalMode.Percent || rejected.Exists(i => i.Added) || !CanStillReach(group)))
        {
            return rejected[0].Outcome;
        }

        // Someone whose turn comes after an added approver (加签 before) still has to decide.
        if (pendingAdded || live.Any(i => i.Status == TaskItemStatus.Waiting && i.BlockedBy is not null))
        {
            return null;
        }

        var pending = live.Count(i => i.Status is TaskItemStatus.Open or TaskItemStatus.Waiting);
        switch (group.Spec.Mode)
        {
            case ApprovalMode.All:
            case ApprovalMode.Sequential:
                return pending == 0 && completed.Count > 0 ? TaskOutcomes.Approve : null;
            case ApprovalMode.Percent:
                var (approvals, _, needed) = Count(group);
                return approvals >= needed && approvals > 0 ? TaskOutcomes.Approve : null;
            default: // single, any: one of the step's own approvers decides, not only someone added before them
                return completed.Any(i => !i.Added) ? TaskOutcomes.Approve : null;
        }
    }

    private static bool CanStillReach(TaskGroup group)
    {
        var (approvals, pending, needed) = Count(group);
        return approvals + pending >= needed;
    }

    /// <summary>Percent mode: approvals so far, voters still to decide, and approvals needed (added approvers do not vote).</summary>
    private static (int Approvals, int Pending, int Needed) Count(TaskGroup group)
    {
        var voters = group.Items.Where(i => !i.Added && i.Status is not (TaskItemStatus.Cancelled or TaskItemStatus.Transferred)).ToList();
        var needed = Math.Max(1, (int)Math.Ceiling(voters.Count * group.Spec.Percent / 100.0));
        return (voters.Count(i => i.Status == TaskItemStatus.Completed && i.Outcome == TaskOutcomes.Approve),
            voters.Count(i => i.Status is TaskItemStatus.Open or TaskItemStatus.Waiting), needed);
    }

    /// <summary>Opens what may now be decided: items whose blocker is done, and the next in a sequence.</summary>
    public static void Advance(TaskGroup group)
    {
        var done = group.Items.Where(i => i.Status is TaskItemStatus.Completed).Select(i => i.Id).ToHashSet();
        foreach (var item in group.Items.Where(i => i.Status == TaskItemStatus.Waiting && i.BlockedBy is { } b && done.Contains(b)))
        {
            item.BlockedBy = null;
            item.Status = TaskItemStatus.Open;
        }

        if (group.Spec.Mode == ApprovalMode.Sequential && !group.Items.Any(i => i.Status == TaskItemStatus.Open)
            && group.Items.Where(i => i.Status == TaskItemStatus.Waiting && i.BlockedBy is null).MinBy(i => i.Sequence) is { } next)
        {
            next.Status = TaskItemStatus.Open;
        }
    }
}
