using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Contracts;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Json;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Activities.Waiting;

/// <summary>
/// A person's task, and the approval step of Chinese approval practice: who acts (a user, a role, a position, a
/// department, the initiator's manager n levels up, whoever acted at an earlier node, or an expression giving
/// user names), how many must decide (one, one after another, all, any one, a percentage), a form with per-field
/// access, a due time with a timeout action, reminders and copies. The engine only waits: it records all this in
/// the bookmark (a <see cref="UserTaskRequest"/>), and the host's task service turns it into inbox items and resumes
/// the bookmark once the decision is made with a <see cref="UserTaskDecision"/>: <c>{ "outcome": "approve", "user":
/// "...", "comment": "...", "data": {...} }</c>, or <c>{ "returnTo": "nodeId" }</c> to send the case back to an
/// earlier task (退回). Each outcome is a port.
/// </summary>
[Activity("UserTask", Category = "People", DisplayName = "User task", Description = "Waits for a person (or several) to decide, as an approval or any task with outcomes.", CanWait = true)]
public sealed class UserTask : IResumableActivity, IPortProvider, INodeValidator
{
    public static readonly IReadOnlyList<string> AssignmentKinds = ContractNames.All<AssignmentKind>();

    public static readonly IReadOnlyList<string> Modes = ContractNames.All<ApprovalMode>();

    public static readonly IReadOnlyList<string> TimeoutActions = ContractNames.All<TimeoutAction>();

    private static readonly UserTaskRequest Defaults = new();

    public static readonly ActivityInput<string?> Title = Inputs.String("title", "What the person sees in the inbox.");

    public static readonly ActivityInput<string?> AssignTo = Inputs.String("assignTo", "Who acts: user (names in 'assignee'), role, position, department, manager (the initiator's, 'managerLevels' up) or nodeAssignee (whoever acted at the node named in 'assignee').", defaultValue: ContractNames.Of(Defaults.AssignTo), choices: AssignmentKinds, literalOnly: true);

    public static readonly ActivityInput<IReadOnlyList<string>> Assignee = Inputs.StringList("assignee", "User names, or the role, position, department or node that 'assignTo' names; an expression may give a list of user names.");

    public static readonly ActivityInput<int> ManagerLevels = Inputs.Integer("managerLevels", "For 'manager': how many levels above the initiator (1 = their manager).", defaultValue: Defaults.ManagerLevels);

    public static readonly ActivityInput<string?> Mode = Inputs.String("mode", "How many decide: single (one person; several become a pool to claim), sequential (one after another), all (countersign, 会签: any rejection rejects), any (或签: the first decision counts) or percent.", defaultValue: ContractNames.Of(Defaults.Mode), choices: Modes, literalOnly: true);

    public static readonly ActivityInput<int> Percent = Inputs.Integer("percent", "For 'percent': the share of approvers (1-100) whose approval approves.", defaultValue: Defaults.Percent);

    public static readonly ActivityInput<bool> AutoApprove = Inputs.Boolean("autoApprove", "Approve at once when nobody can be found to assign the task to (else it waits for an administrator).", defaultValue: false);

    public static readonly ActivityInput<IReadOnlyList<string>> CandidateUsers = Inputs.StringList("candidateUsers", "Users who may claim the task (a pool).");

    public static readonly ActivityInput<IReadOnlyList<string>> CandidateGroups = Inputs.StringList("candidateGroups", "Roles whose members may claim the task (a pool).");

    public static readonly ActivityInput<IReadOnlyList<string>> CarbonCopy = Inputs.StringList("carbonCopy", "Users who get a copy (抄送) when the task is created.");

    public static readonly ActivityInput<IReadOnlyList<string>> Outcomes = Inputs.StringList("outcomes", "The answers the person can give; each is a port. Approval modes use 'approve' and 'reject'.", Defaults.Outcomes, literalOnly: true);

    public static readonly ActivityInput<JsonObject?> OutcomeLabels = Inputs.Object("outcomeLabels", "What each outcome's button says, e.g. { \"pay\": \"付款 / Pay\" } (the outcome's name when missing).");

    public static readonly ActivityInput<JsonObject?> Form = Inputs.Object("form", "The form: { \"fields\": [ { \"name\", \"label\", \"type\": text|number|date|choice|user|attachment|table, \"required\", \"options\", \"columns\", \"min\", \"max\", \"pattern\" } ] }; values become process variables.");

    public static readonly ActivityInput<JsonObject?> FieldAccess = Inputs.Object("fieldAccess", "Per field at this node: editable, readonly or hidden, e.g. { \"amount\": \"readonly\" }.");

    public static readonly ActivityInput<TimeSpan> DueIn = Inputs.Duration("dueIn", "When the task is due, from its creation.");

    public static readonly ActivityInput<string?> TimeoutAction = Inputs.String("timeoutAction", "What happens when the task is overdue: none, approve, reject, escalate (to the assignees' managers) or notify.", defaultValue: ContractNames.Of(Defaults.TimeoutAction), choices: TimeoutActions, literalOnly: true);

    public static readonly ActivityInput<TimeSpan> RemindEvery = Inputs.Duration("remindEvery", "Remind the assignees this often while the task is open (催办).");

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "A variable that receives the decision: outcome, user, comment and data.");

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        var dueIn = context.Get(DueIn);
        var remind = context.Get(RemindEvery);
        var title = context.Get(Title) ?? context.Node.Label;
        var request = new UserTaskRequest
        {
            Title = title,
            AssignTo = ContractNames.Parse<AssignmentKind>(context.Get(AssignTo)),
            Assignee = context.Get(Assignee),
            ManagerLevels = context.Get(ManagerLevels),
            Mode = ContractNames.Parse<ApprovalMode>(context.Get(Mode)),
            Percent = Math.Clamp(context.Get(Percent), 1, 100),
            AutoApprove = context.Get(AutoApprove),
            CandidateUsers = context.Get(CandidateUsers),
            CandidateGroups = context.Get(CandidateGroups),
            CarbonCopy = context.Get(CarbonCopy),
            Outcomes = context.Get(Outcomes),
            OutcomeLabels = (context.Get(OutcomeLabels) ?? [])
                .Where(l => JsonValues.ToText(l.Value) is { Length: > 0 })
                .ToDictionary(l => l.Key, l => JsonValues.ToText(l.Value)!, StringComparer.Ordinal),
            Form = context.Get(Form)?.DeepClone() as JsonObject,
            FieldAccess = context.Get(FieldAccess)?.DeepClone() as JsonObject,
            DueAt = dueIn > TimeSpan.Zero ? context.Now + dueIn : null,
            TimeoutAction = ContractNames.Parse<TimeoutAction>(context.Get(TimeoutAction)),
            RemindEvery = remind > TimeSpan.Zero ? remind : null,
        };
        context.CreateBookmark(BookmarkKind.UserTask, title, data: ContractJson.ToJson(request));
        return ValueTask.CompletedTask;
    }

    /// <summary>The request a user task's bookmark carries.</summary>
    public static UserTaskRequest RequestOf(Bookmark bookmark) => ContractJson.Read<UserTaskRequest>(bookmark.Data);

    public string? CheckResume(Bookmark bookmark, JsonNode? payload)
    {
        if (!TryReadDecision(payload, out var decision, out var problem))
        {
            return problem;
        }

        if (decision.ReturnTo is { } target)
        {
            return target.Length > 0 ? null : "returnTo names no node";
        }

        IReadOnlyList<string> outcomes;
        try
        {
            outcomes = RequestOf(bookmark).Outcomes;
        }
        catch (JsonException ex)
        {
            return $"the task's own data cannot be read: {ex.Message}";
        }

        var outcome = OutcomeOf(decision, outcomes);
        return outcome is not null && outcomes.Contains(outcome)
            ? null
            : $"outcome '{outcome}' is not one of {string.Join(", ", outcomes)}";
    }

    public ValueTask ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? payload)
    {
        TryReadDecision(payload, out var decision, out _);
        var outcome = decision.ReturnTo is null ? OutcomeOf(decision, RequestOf(bookmark).Outcomes)! : TaskOutcomes.Return;
        foreach (var (name, value) in decision.Data ?? [])
        {
            context.SetVariable(name, value?.DeepClone());
        }

        if (context.Get(ResultVariable) is { Length: > 0 } variable)
        {
            // The whole answer as the host gave it (a host may add its own keys), with the outcome taken.
            var answer = payload?.DeepClone() as JsonObject ?? [];
            answer["outcome"] = outcome;
            context.SetVariable(variable, answer);
        }

        if (decision.ReturnTo is { } returnTo)
        {
            context.ReturnTo(returnTo);
        }
        else
        {
            context.Complete(outcome);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A task nobody can be given is a problem of the drawing, not something to find out when a case stops there. A
    /// warning, not an error: such a task still runs (auto-approved, or waiting for an administrator to assign it).
    /// </summary>
    public void Validate(Validation.NodeValidationContext context)
    {
        var node = context.Node;
        bool Names(string input) => node.Inputs.TryGetValue(input, out var value)
            && (value.Expression is not null || (value.Literal is { } literal && JsonValues.ToStringList(literal).Any(v => !string.IsNullOrWhiteSpace(v))));
        var kind = node.Inputs.TryGetValue(AssignTo.Name, out var assignTo) ? JsonValues.ToText(assignTo.Literal) ?? ContractNames.Of(AssignmentKind.User) : ContractNames.Of(AssignmentKind.User);
        var autoApproves = node.Inputs.TryGetValue(AutoApprove.Name, out var auto) && auto.Literal is { } on && JsonValues.IsTruthy(on);
        if (kind != ContractNames.Of(AssignmentKind.Manager) && !autoApproves && !Names(Assignee.Name) && !Names(CandidateUsers.Name) && !Names(CandidateGroups.Name))
        {
            context.Warning(Validation.ProblemCodes.NoAssignee, kind == ContractNames.Of(AssignmentKind.User)
                ? "nobody is named to do this task: give people, a role, a position, a department or the requester's manager"
                : $"nobody is named to do this task: assignTo is '{kind}' but 'assignee' names none");
        }
    }

    public IEnumerable<string> GetPorts(NodeDefinition node) =>
        node.Inputs.TryGetValue(Outcomes.Name, out var value) && value.Literal is { } literal ? JsonValues.ToStringList(literal) : Defaults.Outcomes;

    private static string? OutcomeOf(UserTaskDecision decision, IReadOnlyList<string> outcomes) =>
        decision.Outcome ?? (outcomes.Count == 1 ? outcomes[0] : null);

    private static bool TryReadDecision(JsonNode? payload, out UserTaskDecision decision, out string? problem)
    {
        try
        {
            (decision, problem) = (ContractJson.Read<UserTaskDecision>(payload), null);
            return true;
        }
        catch (JsonException ex)
        {
            (decision, problem) = (new UserTaskDecision(), $"a decision is {{ \"outcome\", \"user\", \"comment\", \"data\": {{...}} }} or {{ \"returnTo\" }}: {ex.Message}");
            return false;
        }
    }
}
