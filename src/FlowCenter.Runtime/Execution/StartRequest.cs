using System.Text.Json.Nodes;

namespace FlowCenter.Runtime.Execution;

/// <summary>Start a definition: its current published version unless a version is named.</summary>
public sealed record StartRequest(string DefinitionId)
{
    public int? Version { get; init; }

    public IDictionary<string, JsonNode?>? Input { get; init; }

    public string? BusinessKey { get; init; }

    /// <summary>Who or what started it: a user name, "api", "cron", "event:name".</summary>
    public string? StartedBy { get; init; }

    public string? TriggerNodeId { get; init; }

    public string? ParentInstanceId { get; init; }

    public string? ParentBookmarkId { get; init; }
}
