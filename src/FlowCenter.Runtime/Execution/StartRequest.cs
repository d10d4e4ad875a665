using System.Text.Json.Nodes;

using FlowCenter.Runtime.Cases;

namespace FlowCenter.Runtime.Execution;

/// <summary>Start a definition: its current published version unless a version is named.</summary>
public sealed record StartRequest(string DefinitionId)
{
    public int? Version { get; init; }

    public IDictionary<string, JsonNode?>? Input { get; init; }

    public string? BusinessKey { get; init; }

    /// <summary>Who or what started it.</summary>
    public Instances.Starter? StartedBy { get; init; }

    public string? TriggerNodeId { get; init; }

    /// <summary>The new instance's id, when the start must happen once only: a second start with it is refused as a conflict.</summary>
    public string? InstanceId { get; init; }

    public string? ParentInstanceId { get; init; }

    public string? ParentBookmarkId { get; init; }

    /// <summary>
    /// The person starting it through the API or a page; null for the runtime itself (events, schedules,
    /// sub-processes). A person who is not a designer may start only published versions.
    /// </summary>
    public Caller? Caller { get; init; }
}
