using System.Text.Json.Nodes;

namespace FlowCenter.Engine.State;

/// <summary>
/// An operator's suspension of an instance: nothing runs while it holds. What arrives meanwhile (a timer that
/// fell due, an event, a person's decision, a child's result) is taken off the instance's live bookmarks, so
/// that it is delivered once, and kept here in order until the hold is lifted.
/// </summary>
public sealed class InstanceHold
{
    public DateTimeOffset At { get; set; }

    public string By { get; set; } = "";

    public string? Reason { get; set; }

    /// <summary>The status the instance had when it was suspended, given back when nothing arrived meanwhile.</summary>
    public WorkflowStatus StatusBefore { get; set; }

    public List<HeldResume> Arrived { get; set; } = [];
}

/// <summary>A resumption that arrived while its instance was suspended.</summary>
public sealed class HeldResume
{
    public Bookmark Bookmark { get; set; } = new();

    public JsonNode? Payload { get; set; }

    public string? ResumedBy { get; set; }

    public DateTimeOffset At { get; set; }
}
