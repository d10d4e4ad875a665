using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Activities.Timing;

/// <summary>Waits until a date and time; a time already past continues at once.</summary>
[Activity("Timer", Category = "Timing", DisplayName = "Timer", Description = "Waits until a date and time.")]
public sealed class Timer : IResumableActivity
{
    public static readonly ActivityInput<DateTimeOffset> At = Inputs.DateTime("at", "When to continue (ISO 8601 with offset).", required: true);

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        var at = context.Get(At);
        if (at <= context.Now)
        {
            context.Complete(Ports.Done);
        }
        else
        {
            context.CreateBookmark(BookmarkKind.Timer, dueAt: at);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? payload)
    {
        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }
}
