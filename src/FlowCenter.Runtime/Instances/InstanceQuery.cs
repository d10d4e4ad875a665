using FlowCenter.Engine.State;

namespace FlowCenter.Runtime.Instances;

/// <summary>Filters (all of them at once), order and paging for instance lists; newest first unless asked.</summary>
public sealed record InstanceQuery
{
    public string? DefinitionId { get; init; }

    /// <summary>The version of <see cref="DefinitionId"/> the instances run.</summary>
    public int? Version { get; init; }

    /// <summary>True: only instances with an open incident; false: only those without.</summary>
    public bool? HasIncidents { get; init; }

    /// <summary>Instances where a token waits or runs at this node now.</summary>
    public string? Node { get; init; }

    /// <summary>Sub-process instances of this parent.</summary>
    public string? ParentInstanceId { get; init; }

    public DateTimeOffset? CompletedFrom { get; init; }

    public DateTimeOffset? CompletedTo { get; init; }

    public InstanceSort Sort { get; init; } = InstanceSort.StartedNewest;

    public WorkflowStatus? Status { get; init; }

    public string? BusinessKey { get; init; }

    public string? StartedBy { get; init; }

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}
