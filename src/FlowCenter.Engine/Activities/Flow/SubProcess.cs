using System.Text.Json.Nodes;
using FlowCenter.Engine.Contracts;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Json;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Activities.Flow;

/// <summary>
/// Runs another definition as a child instance and waits for it. The host starts the child from the bookmark's
/// <see cref="SubProcessRequest"/> and resumes it with a <see cref="SubProcessResult"/> when the child ends.
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
        context.CreateBookmark(BookmarkKind.SubProcess, definitionId, data: ContractJson.ToJson(new SubProcessRequest
        {
            DefinitionId = definitionId,
            Version = context.Get(Version),
            Input = context.Get(Input)?.DeepClone() as JsonObject ?? [],
        }));
        return ValueTask.CompletedTask;
    }

    public string? CheckResume(Bookmark bookmark, JsonNode? payload)
    {
        const string Shape = "a sub-process is resumed with { \"status\": ..., \"output\": {...} }";
        try
        {
            return payload is JsonObject o && o["status"] is JsonValue && ContractJson.Read<SubProcessResult>(payload) is not null ? null : Shape;
        }
        catch (System.Text.Json.JsonException ex)
        {
            return $"{Shape}: {ex.Message}";
        }
    }

    public ValueTask ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? payload)
    {
        var result = ContractJson.Read<SubProcessResult>(payload);
        if (result.Status != WorkflowStatus.Completed)
        {
            throw new ActivityException($"child instance {result.InstanceId} of '{bookmark.Name}' ended: {result.Error ?? result.Status.ToString()}") { Code = "SubProcessFailed" };
        }

        var output = result.Output;
        if (context.Get(ResultVariable) is { Length: > 0 } variable)
        {
            context.SetVariable(variable, output.DeepClone());
        }

        foreach (var (childName, target) in context.Get(OutputMapping) ?? [])
        {
            if (JsonValues.ToText(target) is { Length: > 0 } name)
            {
                context.SetVariable(name, output[childName]?.DeepClone());
            }
        }

        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }
}
