using System.Text.Json.Nodes;

namespace FlowCenter.Engine.State;

/// <summary>Something an instance waits for. Resuming consumes it: a bookmark is handled exactly once.</summary>
public sealed class Bookmark
{
    public string Id { get; set; } = "";

    public BookmarkKind Kind { get; set; }

    public string NodeId { get; set; } = "";

    public int TokenId { get; set; }

    /// <summary>Event name, task name, or called definition id.</summary>
    public string? Name { get; set; }

    public string? CorrelationKey { get; set; }

    /// <summary>When a timer-like bookmark is due.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Data for the host: the task assignment, the child start request, the reminder count.</summary>
    public JsonObject? Data { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
