using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Activities.Waiting;

/// <summary>
/// A start trigger: the runtime starts an instance here when an event with this name is published,
/// with the event's payload as the instance input.
/// </summary>
[Activity("EventStart", Category = "Events", DisplayName = "Start on event", Description = "Starts an instance when a named event is published; the payload becomes the input.", IsTrigger = true)]
public sealed class EventStart : IActivity, Contracts.ITriggerActivity
{
    public static readonly ActivityInput<string?> EventName = Inputs.String("eventName", "The event that starts an instance, such as crm.order-confirmed.", required: true, literalOnly: true);

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }

    public Contracts.StartTrigger TriggerOf(NodeDefinition node) =>
        new(Contracts.TriggerKind.Event, Json.JsonValues.ToText(node.Inputs.GetValueOrDefault(EventName.Name)?.Literal) ?? "");
}
