using System.Text.Json.Nodes;

namespace FlowCenter.Engine.State;

/// <summary>
/// The whole state of one running process: a plain object that serializes to JSON and back.
/// The engine changes it only inside a burst; a host stores it after each burst.
/// </summary>
public sealed class WorkflowInstance
{
    public string Id { get; set; } = "";

    public string DefinitionId { get; set; } = "";

    public int DefinitionVersion { get; set; }

    public WorkflowStatus Status { get; set; }

    public string? BusinessKey { get; set; }

    public string? ParentInstanceId { get; set; }

    public string? ParentBookmarkId { get; set; }

    public Dictionary<string, JsonNode?> Input { get; set; } = [];

    public Dictionary<string, JsonNode?> Variables { get; set; } = [];

    public Dictionary<string, JsonNode?> Output { get; set; } = [];

    public List<Token> Tokens { get; set; } = [];

    public List<Bookmark> Bookmarks { get; set; } = [];

    public List<LoopScope> Scopes { get; set; } = [];

    /// <summary>
    /// Journal entries: all of them in memory; a durable host may keep only the open ones here and the rest in its store.
    /// </summary>
    public List<JournalEntry> Journal { get; set; } = [];

    /// <summary>How many journal entries the instance has written; the next one gets this plus one.</summary>
    public int JournalCount { get; set; }

    public List<Incident> Incidents { get; set; } = [];

    /// <summary>The last error routed to an error port, readable as <c>lastError</c> in expressions.</summary>
    public JsonObject? LastError { get; set; }

    /// <summary>Source of token, scope and incident numbers within this instance.</summary>
    public int NextSequence { get; set; } = 1;

    /// <summary>Set while an operator holds the instance suspended; its status is then <see cref="WorkflowStatus.Suspended"/>.</summary>
    public InstanceHold? Hold { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsFinished => Status is WorkflowStatus.Completed or WorkflowStatus.Cancelled or WorkflowStatus.Faulted;

    internal int TakeSequence() => NextSequence++;

    /// <summary>The open journal entry with this sequence number, searched from the newest.</summary>
    internal JournalEntry? FindEntry(int sequence)
    {
        for (var i = Journal.Count - 1; i >= 0; i--)
        {
            if (Journal[i].Sequence == sequence)
            {
                return Journal[i];
            }
        }

        return null;
    }
}
