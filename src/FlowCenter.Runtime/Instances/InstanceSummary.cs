using FlowCenter.Engine.State;

namespace FlowCenter.Runtime.Instances;

/// <summary>One row of an instance list.</summary>
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
    DateTimeOffset? CompletedAt);
