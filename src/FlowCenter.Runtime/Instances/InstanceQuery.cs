using FlowCenter.Engine.State;

namespace FlowCenter.Runtime.Instances;

/// <summary>Filters and paging for instance lists; newest first.</summary>
public sealed record InstanceQuery
{
    public string? DefinitionId { get; init; }

    public WorkflowStatus? Status { get; init; }

    public string? BusinessKey { get; init; }

    public string? StartedBy { get; init; }

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}
