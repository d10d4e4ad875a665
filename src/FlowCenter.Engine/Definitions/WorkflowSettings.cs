namespace FlowCenter.Engine.Definitions;

/// <summary>Settings of a whole definition.</summary>
public sealed class WorkflowSettings
{
    public IncidentStrategy IncidentStrategy { get; set; } = IncidentStrategy.Suspend;

    /// <summary>Node executions one burst may run before it is stopped as a runaway loop.</summary>
    public int MaxStepsPerBurst { get; set; } = 100_000;

    /// <summary>Who may start it by hand; null is everyone signed in.</summary>
    public StartRights? StartableBy { get; set; }

    /// <summary>Runs only as a step of another process: never offered in New request, refused when a person starts it.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool SubProcessOnly { get; set; }
}
