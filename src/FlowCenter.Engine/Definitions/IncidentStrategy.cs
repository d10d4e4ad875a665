namespace FlowCenter.Engine.Definitions;

/// <summary>What happens when a node fails after its retries and has no error port.</summary>
public enum IncidentStrategy
{
    /// <summary>The failing path stops with an incident; other paths go on; an operator can retry or skip it.</summary>
    Suspend,

    /// <summary>The whole instance ends as faulted.</summary>
    Fault,
}
