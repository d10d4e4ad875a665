using FlowCenter.Engine.State;

namespace FlowCenter.Runtime.Instances;

/// <summary>Filters (all of them at once), order and paging for instance lists; newest first unless asked.</summary>
public sealed record InstanceQuery
{
    public string? DefinitionId { get; init; }

    /// <summary>Only these instances (rows an operator ticked); not part of the list's address.</summary>
    public IReadOnlyList<string>? Ids { get; init; }

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

    /// <summary>Conditions on variables, all of which must hold.</summary>
    public IReadOnlyList<VariableCondition> Variables { get; init; } = [];

    /// <summary>Instances with an open incident whose message contains this text (ignoring case).</summary>
    public string? IncidentText { get; init; }

    /// <summary>The moment a running instance's duration is measured to; the runtime sets it from its clock.</summary>
    public DateTimeOffset? Now { get; init; }

    public WorkflowStatus? Status { get; init; }

    public string? BusinessKey { get; init; }

    /// <summary>A person's user name, <c>cron</c>, <c>event:name</c>, <c>parent:id</c>; a trailing <c>*</c> matches the start (<c>event:*</c>).</summary>
    public string? StartedBy { get; init; }

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}
