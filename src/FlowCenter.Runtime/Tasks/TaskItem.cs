namespace FlowCenter.Runtime.Tasks;

/// <summary>One person's part of a step: the row in an inbox.</summary>
public sealed class TaskItem
{
    public string Id { get; set; } = "";

    public string GroupId { get; set; } = "";

    /// <summary>The order of decision in sequential approval (and of approvers added before or after).</summary>
    public int Sequence { get; set; }

    /// <summary>Who acts; null while the item waits in the pool to be claimed.</summary>
    public string? Assignee { get; set; }

    /// <summary>For a delegated item, the person it was assigned to, on whose behalf the assignee acts.</summary>
    public string? Owner { get; set; }

    /// <summary>Users who may claim a pool item.</summary>
    public List<string> CandidateUsers { get; set; } = [];

    /// <summary>Roles whose members may claim a pool item.</summary>
    public List<string> CandidateRoles { get; set; } = [];

    public TaskItemStatus Status { get; set; }

    /// <summary>An item added by 加签 (before or after someone): the step waits for it whatever its mode.</summary>
    public bool Added { get; set; }

    /// <summary>The item that must be decided first: this one stays <see cref="TaskItemStatus.Waiting"/> until then.</summary>
    public string? BlockedBy { get; set; }

    /// <summary>The outcome chosen (approve, reject...), when completed.</summary>
    public string? Outcome { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsPool => Assignee is null;
}
