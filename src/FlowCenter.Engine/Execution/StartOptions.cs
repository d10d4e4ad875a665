using System.Text.Json.Nodes;

namespace FlowCenter.Engine.Execution;

/// <summary>How to start an instance.</summary>
public sealed class StartOptions
{
    public IDictionary<string, JsonNode?>? Input { get; init; }

    public string? BusinessKey { get; init; }

    /// <summary>The trigger node to start at; by default the Start node.</summary>
    public string? TriggerNodeId { get; init; }

    public string? InstanceId { get; init; }

    public string? ParentInstanceId { get; init; }

    public string? ParentBookmarkId { get; init; }
}
