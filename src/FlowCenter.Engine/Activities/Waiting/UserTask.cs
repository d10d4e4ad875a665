using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Json;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Activities.Waiting;

/// <summary>
/// A person's task: a bookmark carrying who should act and what they may answer. Each outcome is a port.
/// It is resumed with <c>{ "outcome": "approve", "user": "...", "data": {...} }</c>.
/// </summary>
[Activity("UserTask", Category = "People", DisplayName = "User task", Description = "Waits for a person to complete a task with one of its outcomes.", CanWait = true)]
public sealed class UserTask : IResumableActivity, IPortProvider
{
    private static readonly string[] DefaultOutcomes = ["approve", "reject"];

    public static readonly ActivityInput<string?> Title = Inputs.String("title", "What the person sees in the inbox.");

    public static readonly ActivityInput<string?> Assignee = Inputs.String("assignee", "The user who should act.");

    public static readonly ActivityInput<IReadOnlyList<string>> CandidateUsers = Inputs.StringList("candidateUsers", "Users who may claim the task.");

    public static readonly ActivityInput<IReadOnlyList<string>> CandidateGroups = Inputs.StringList("candidateGroups", "Roles or groups whose members may claim the task.");

    public static readonly ActivityInput<IReadOnlyList<string>> Outcomes = Inputs.StringList("outcomes", "The answers the person can give; each is a port.", DefaultOutcomes, literalOnly: true);

    public static readonly ActivityInput<JsonObject?> Form = Inputs.Object("form", "The form the person fills in.");

    public static readonly ActivityInput<TimeSpan> DueIn = Inputs.Duration("dueIn", "When the task is due, from its creation.");

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "A variable that receives the answer: outcome, user and data.");

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        var dueIn = context.Get(DueIn);
        context.CreateBookmark(BookmarkKind.UserTask, context.Get(Title) ?? context.Node.Label, data: new JsonObject
        {
            ["title"] = context.Get(Title) ?? context.Node.Label,
            ["assignee"] = context.Get(Assignee),
            ["candidateUsers"] = ToArray(context.Get(CandidateUsers)),
            ["candidateGroups"] = ToArray(context.Get(CandidateGroups)),
            ["outcomes"] = ToArray(context.Get(Outcomes)),
            ["form"] = context.Get(Form)?.DeepClone(),
            ["dueAt"] = dueIn > TimeSpan.Zero ? context.Now + dueIn : null,
        });
        return ValueTask.CompletedTask;
    }

    public string? CheckResume(Bookmark bookmark, JsonNode? payload)
    {
        var outcomes = JsonValues.ToStringList(bookmark.Data?["outcomes"]);
        var outcome = OutcomeOf(payload, outcomes);
        return outcome is not null && outcomes.Contains(outcome)
            ? null
            : $"outcome '{outcome}' is not one of {string.Join(", ", outcomes)}";
    }

    public ValueTask ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? payload)
    {
        var outcome = OutcomeOf(payload, JsonValues.ToStringList(bookmark.Data?["outcomes"]))!;
        if (context.Get(ResultVariable) is { Length: > 0 } variable)
        {
            var answer = payload?.DeepClone() as JsonObject ?? [];
            answer["outcome"] = outcome;
            context.SetVariable(variable, answer);
        }

        context.Complete(outcome);
        return ValueTask.CompletedTask;
    }

    public IEnumerable<string> GetPorts(NodeDefinition node) =>
        node.Inputs.TryGetValue(Outcomes.Name, out var value) && value.Literal is { } literal ? JsonValues.ToStringList(literal) : DefaultOutcomes;

    private static string? OutcomeOf(JsonNode? payload, IReadOnlyList<string> outcomes) =>
        JsonValues.ToText(payload?["outcome"]) ?? (outcomes.Count == 1 ? outcomes[0] : null);

    private static JsonArray ToArray(IReadOnlyList<string> values) => [.. values.Select(v => JsonValue.Create(v))];
}
