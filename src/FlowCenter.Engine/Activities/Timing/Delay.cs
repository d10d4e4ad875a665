using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Activities.Timing;

/// <summary>Waits for a duration. It creates a bookmark with a due time; the host's scheduler fires it.</summary>
[Activity("Delay", Category = "Timing", DisplayName = "Delay", Description = "Waits for a duration, such as PT10M.")]
public sealed class Delay : IResumableActivity
{
    public static readonly ActivityInput<TimeSpan> Duration = Inputs.Duration("duration", "How long to wait (ISO 8601, such as PT10M or P1D).", required: true);

    public ValueTask ExecuteAsync(ActivityContext context)
    {
        var duration = context.Get(Duration);
        if (duration <= TimeSpan.Zero)
        {
            context.Complete(Ports.Done);
        }
        else
        {
            context.CreateBookmark(BookmarkKind.Timer, dueAt: context.Now + duration);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ResumeAsync(ActivityContext context, Bookmark bookmark, JsonNode? payload)
    {
        context.Complete(Ports.Done);
        return ValueTask.CompletedTask;
    }
}
