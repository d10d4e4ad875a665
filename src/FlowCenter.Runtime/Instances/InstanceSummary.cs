using FlowCenter.Engine.State;

namespace FlowCenter.Runtime.Instances;

/// <summary>One row of an instance list; <see cref="DurationMs"/> is known once the instance ended.</summary>
public sealed record InstanceSummary(
    string Id,
    string DefinitionId,
    int DefinitionVersion,
    WorkflowStatus Status,
    string? BusinessKey,
    string? StartedBy,
    string? CurrentNodes,
    int OpenIncidents,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    long? DurationMs = null)
{
    /// <summary>How long the instance ran, or has run so far at <paramref name="now"/>.</summary>
    public TimeSpan DurationAt(DateTimeOffset now) => DurationMs is { } ms ? TimeSpan.FromMilliseconds(ms) : now - CreatedAt;
}
