using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Activities.Waiting;

/// <summary>Waits for an event with a name and a correlation key; the event's payload lands in a variable.</summary>
[Activity("WaitEvent", Category = "Events", DisplayName = "Wait for event", Description = "Waits for a named event with a correlation key, such as order.produced for order 42.", CanWait = true)]
public sealed class WaitEvent : IResumableActivity
{
    public static readonly ActivityInput<string?> EventName = Inputs.String("eventName", "The event to wait for.", required: true);

    public static readonly ActivityInput<string?> CorrelationKey = Inputs.String("correlationKey", "Only the event with this key resumes the wait, usually an expression such as order.id.");

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "A variable that receives the event's payload.");

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        context.CreateBookmark(BookmarkKind.Event, context.Get(EventName), context.Get(CorrelationKey));
        return ValueTask.CompletedTask;
    }

    public ValueTask ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? payload)
    {
        if (context.Get(ResultVariable) is { Length: > 0 } variable)
        {
            context.SetVariable(variable, payload?.DeepClone());
        }

        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }
}
