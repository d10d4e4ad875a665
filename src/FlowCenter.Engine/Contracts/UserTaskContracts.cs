using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FlowCenter.Engine.Contracts;

/// <summary>Who does a user task.</summary>
[JsonConverter(typeof(ContractEnumConverter<AssignmentKind>))]
public enum AssignmentKind
{
    /// <summary>The users the assignee list names (or an expression gives).</summary>
    [JsonStringEnumMemberName("user")] User,

    [JsonStringEnumMemberName("role")] Role,

    [JsonStringEnumMemberName("position")] Position,

    [JsonStringEnumMemberName("department")] Department,

    /// <summary>The initiator's manager, some levels up.</summary>
    [JsonStringEnumMemberName("manager")] Manager,

    /// <summary>Whoever acted at the earlier node the assignee list names.</summary>
    [JsonStringEnumMemberName("nodeAssignee")] NodeAssignee,
}

/// <summary>How many decide a user task.</summary>
[JsonConverter(typeof(ContractEnumConverter<ApprovalMode>))]
public enum ApprovalMode
{
    /// <summary>One person; several become a pool to claim.</summary>
    [JsonStringEnumMemberName("single")] Single,

    /// <summary>One after another (依次审批).</summary>
    [JsonStringEnumMemberName("sequential")] Sequential,

    /// <summary>Everyone (会签): any rejection rejects.</summary>
    [JsonStringEnumMemberName("all")] All,

    /// <summary>The first decision counts (或签).</summary>
    [JsonStringEnumMemberName("any")] Any,

    /// <summary>A share of the approvers approves.</summary>
    [JsonStringEnumMemberName("percent")] Percent,
}

/// <summary>What happens when a user task is overdue.</summary>
[JsonConverter(typeof(ContractEnumConverter<TimeoutAction>))]
public enum TimeoutAction
{
    [JsonStringEnumMemberName("none")] None,

    [JsonStringEnumMemberName("approve")] Approve,

    [JsonStringEnumMemberName("reject")] Reject,

    /// <summary>To the assignees' managers.</summary>
    [JsonStringEnumMemberName("escalate")] Escalate,

    [JsonStringEnumMemberName("notify")] Notify,
}

/// <summary>The outcomes the engine and the task service agree on.</summary>
public static class TaskOutcomes
{
    public const string Approve = "approve";

    public const string Reject = "reject";

    /// <summary>Sent back to an earlier task (退回): the decision names the node in <see cref="UserTaskDecision.ReturnTo"/>.</summary>
    public const string Return = Definitions.Ports.Return;

    public static readonly IReadOnlyList<string> Approval = [Approve, Reject];
}

/// <summary>
/// What a user-task node asks of the host's task service, carried by its bookmark: who acts, how many decide,
/// the form, the due time and what happens then. The defaults here are the node's defaults.
/// </summary>
public sealed record UserTaskRequest
{
    public string? Title { get; init; }

    public AssignmentKind AssignTo { get; init; } = AssignmentKind.User;

    /// <summary>User names, or the role, position, department or node that <see cref="AssignTo"/> names.</summary>
    public IReadOnlyList<string> Assignee { get; init; } = [];

    /// <summary>For <see cref="AssignmentKind.Manager"/>: how many levels above the initiator.</summary>
    public int ManagerLevels { get; init; } = 1;

    public ApprovalMode Mode { get; init; } = ApprovalMode.Single;

    /// <summary>For <see cref="ApprovalMode.Percent"/>: the share (1-100) of approvers whose approval approves.</summary>
    public int Percent { get; init; } = 50;

    /// <summary>Approve at once when nobody can be found to do the task.</summary>
    public bool AutoApprove { get; init; }

    public IReadOnlyList<string> CandidateUsers { get; init; } = [];

    public IReadOnlyList<string> CandidateGroups { get; init; } = [];

    /// <summary>Who gets a copy (抄送).</summary>
    public IReadOnlyList<string> CarbonCopy { get; init; } = [];

    public IReadOnlyList<string> Outcomes { get; init; } = TaskOutcomes.Approval;

    /// <summary>What the buttons of the node's own outcomes say (<c>pay</c>: "付款 / Pay").</summary>
    [JsonConverter(typeof(TextLabelsConverter))]
    public IReadOnlyDictionary<string, string> OutcomeLabels { get; init; } = new Dictionary<string, string>();

    public JsonObject? Form { get; init; }

    /// <summary>Per field: editable, readonly or hidden.</summary>
    public JsonObject? FieldAccess { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public TimeoutAction TimeoutAction { get; init; } = TimeoutAction.None;

    /// <summary>Remind the assignees this often while the task is open (催办).</summary>
    public TimeSpan? RemindEvery { get; init; }

    /// <summary>An approval: the person approves or rejects (the modes count approvals). Written, never read back.</summary>
    public bool IsApproval => Outcomes.Contains(TaskOutcomes.Approve) && Outcomes.Contains(TaskOutcomes.Reject);
}

/// <summary>
/// How the host resumes a user task: the outcome and who decided, with a comment and the form's values (which
/// become process variables); or <see cref="ReturnTo"/>, an earlier task to send the case back to.
/// </summary>
public sealed record UserTaskDecision
{
    public string? Outcome { get; init; }

    public string? User { get; init; }

    public string? Comment { get; init; }

    public JsonObject? Data { get; init; }

    public string? ReturnTo { get; init; }
}
