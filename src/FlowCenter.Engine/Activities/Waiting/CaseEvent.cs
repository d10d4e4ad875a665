using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.State;
using FlowCenter.Engine.Validation;

namespace FlowCenter.Engine.Activities.Waiting;

/// <summary>
/// While the case runs, waits for an event (or for a time after the case's start) beside everything else, and
/// then runs its path: interrupting, it ends the rest of the case first (an order cancelled, whatever step it is
/// at); otherwise the rest goes on, and it listens again for the next such event. The case ends without waiting
/// for it. BPMN's event sub-processes become this step and the path after it.
/// </summary>
[Activity("CaseEvent", Category = "Events", DisplayName = "While the case runs", Description = "Waits, for as long as the case runs, for an event or a time, and then runs its own path; it can end the rest of the case.")]
public sealed class CaseEvent : IBackgroundActivity, INodeValidator
{
    public static readonly ActivityInput<string?> EventName = Inputs.String("eventName", "The event to wait for, such as order.cancelled; or give a time instead.");

    public static readonly ActivityInput<string?> CorrelationKey = Inputs.String("correlationKey", "Only the event with this key counts, usually an expression such as input.orderId.");

    public static readonly ActivityInput<TimeSpan> After = Inputs.Duration("after", "Instead of an event: how long after the case's start its path runs, if the case still runs then.");

    public static readonly ActivityInput<bool> Interrupting = Inputs.Boolean("interrupting", "End the rest of the case when it comes.", true);

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "A variable that receives the event's data.");

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        if (context.Get(EventName) is { Length: > 0 } name)
        {
            var key = context.Get(CorrelationKey);
            context.CreateBookmark(BookmarkKind.Event, name, string.IsNullOrEmpty(key) ? null : key);
        }
        else if (context.GetRaw(After) is not null)
        {
            context.CreateBookmark(BookmarkKind.Timer, dueAt: context.Instance.CreatedAt + context.Get(After));
        }
        else
        {
            throw new ActivityException("While the case runs needs an event to wait for or a time after the case's start.");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? payload)
    {
        if (context.Get(ResultVariable) is { Length: > 0 } variable && bookmark.Kind == BookmarkKind.Event)
        {
            context.SetVariable(variable, payload?.DeepClone());
        }

        context.HearCaseEvent(context.Get(Interrupting), listenAgain: bookmark.Kind == BookmarkKind.Event);
        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }

    public void Validate(NodeValidationContext context)
    {
        var node = context.Node;
        var named = node.Inputs.ContainsKey(EventName.Name);
        var timed = node.Inputs.ContainsKey(After.Name);
        if (named == timed)
        {
            context.Error(ProblemCodes.InvalidSetting, "give it either an event to wait for or a time after the case's start", null, "caseEventWhat");
        }

        if (context.Definition.Connections.Exists(c => c.Target == node.Id))
        {
            context.Error(ProblemCodes.InvalidSetting, "nothing leads into it: it waits from the case's start", null, "caseEventIncoming");
        }
    }
}
