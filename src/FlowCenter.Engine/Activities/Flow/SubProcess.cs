using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Json;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Activities.Flow;

/// <summary>
/// Runs another definition as a child instance and waits for it. The host starts the child from the bookmark
/// and resumes it with <c>{ "status": ..., "output": {...} }</c> when the child ends.
/// </summary>
[Activity("SubProcess", Category = "Flow", DisplayName = "Sub-process", Description = "Runs another published process as a child and waits for its outputs.", CanWait = true)]
public sealed class SubProcess : IResumableActivity
{
    public static readonly ActivityInput<string?> DefinitionId = Inputs.String("definitionId", "The id of the process to run.", required: true);

    public static readonly ActivityInput<int> Version = Inputs.Integer("version", "A fixed version; 0 runs the latest published one.", 0);

    public static readonly ActivityInput<JsonObject?> Input = Inputs.Object("input", "The child's inputs, usually an expression such as ({ amount: order.amount }).");

    public static readonly ActivityInput<JsonObject?> OutputMapping = Inputs.Object("outputMapping", "Child output name -> variable of this process.", literalOnly: true);

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "A variable that receives the child's whole output.");

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        var definitionId = context.Get(DefinitionId)!;
        context.CreateBookmark(BookmarkKind.SubProcess, definitionId, data: new JsonObject
        {
            ["definitionId"] = definitionId,
            ["version"] = context.Get(Version),
            ["input"] = context.Get(Input)?.DeepClone() ?? new JsonObject(),
        });
        return ValueTask.CompletedTask;
    }

    public string? CheckResume(Bookmark bookmark, JsonNode? payload) =>
        payload is JsonObject o && o["status"] is JsonValue ? null : "a sub-process is resumed with { \"status\": ..., \"output\": {...} }";

    public ValueTask ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? payload)
    {
        var status = JsonValues.ToText(payload!["status"]);
        if (!string.Equals(status, nameof(WorkflowStatus.Completed), StringComparison.OrdinalIgnoreCase))
        {
            var reason = JsonValues.ToText(payload["error"]) ?? status;
            throw new ActivityException($"child instance {JsonValues.ToText(payload["instanceId"])} of '{bookmark.Name}' ended: {reason}") { Code = "SubProcessFailed" };
        }

        var output = payload["output"] as JsonObject ?? [];
        if (context.Get(ResultVariable) is { Length: > 0 } result)
        {
            context.SetVariable(result, output.DeepClone());
        }

        foreach (var (childName, variable) in context.Get(OutputMapping) ?? [])
        {
            if (JsonValues.ToText(variable) is { Length: > 0 } name)
            {
                context.SetVariable(name, output[childName]?.DeepClone());
            }
        }

        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }
}
