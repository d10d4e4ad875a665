namespace FlowCenter.Engine.Definitions;

/// <summary>Settings of a whole definition.</summary>
public sealed class WorkflowSettings
{
    public IncidentStrategy IncidentStrategy { get; set; } = IncidentStrategy.Suspend;

    /// <summary>Node executions one burst may run before it is stopped as a runaway loop.</summary>
    public int MaxStepsPerBurst { get; set; } = 100_000;
}
