using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Json;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Activities.Waiting;

/// <summary>
/// Publishes an event, as a person or a system would: it resumes the cases waiting for it and starts the processes
/// that begin with it. It is sent once the step's burst is committed, never before (a crash cannot send an event
/// for work that was lost) and once however often it is delivered again; the step goes on when it was delivered.
/// BPMN's throwing message and signal events and Elsa's PublishEvent become this step.
/// </summary>
[Activity("PublishEvent", Category = "Events", DisplayName = "Publish event", Description = "Sends a named event, such as order.shipped for order 42, to the cases waiting for it and the processes that start with it.")]
public sealed class PublishEvent : IResumableActivity
{
    public static readonly ActivityInput<string?> EventName = Inputs.String("eventName", "The event to publish.", required: true);

    public static readonly ActivityInput<string?> CorrelationKey = Inputs.String("correlationKey", "Only the waits with this key hear it, usually an expression such as order.id; empty for every wait on the event.");

    public static readonly ActivityInput<JsonNode?> Payload = Inputs.Any("payload", "What the event carries: its fields become the input of the processes it starts.");

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "A variable that receives how many cases heard the event and which cases it started.");

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        var key = context.Get(CorrelationKey);
        context.CreateBookmark(BookmarkKind.Publish, context.Get(EventName), string.IsNullOrEmpty(key) ? null : key, data: new PublishPayload(context.Get(Payload)?.DeepClone()).ToJson());
        return ValueTask.CompletedTask;
    }

    public ValueTask ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? payload)
    {
        if (payload?["error"] is { } error)
        {
            throw new ActivityException($"The event '{bookmark.Name}' could not be delivered: {JsonValues.ToText(error)}");
        }

        if (context.Get(ResultVariable) is { Length: > 0 } variable)
        {
            context.SetVariable(variable, payload?.DeepClone());
        }

        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }
}

/// <summary>What a <see cref="BookmarkKind.Publish"/> bookmark carries besides its name and key.</summary>
public sealed record PublishPayload(JsonNode? Payload)
{
    public PublishPayload()
        : this((JsonNode?)null)
    {
    }

    public JsonObject ToJson() => Contracts.ContractJson.ToJson(this);

    public static PublishPayload Of(Bookmark bookmark) => Contracts.ContractJson.Read<PublishPayload>(bookmark.Data);
}

/// <summary>What the publishing step hears back: how many waiting cases the event resumed, and the cases it started.</summary>
public sealed record PublishResult(int Resumed, IReadOnlyList<string> Started)
{
    public JsonObject ToJson() => Contracts.ContractJson.ToJson(this);
}
