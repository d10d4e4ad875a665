namespace FlowCenter.Engine.Definitions;

/// <summary>
/// For waiting nodes: an event that, while the node waits, leaves through a port of its own. An interrupting one
/// ends the wait there (BPMN's interrupting message or signal boundary event, a branch of an event-based
/// gateway); a non-interrupting one sends a path through the port each time the event comes, and the wait goes on.
/// </summary>
public sealed class EventListenerSettings
{
    /// <summary>The event's name, as a sender publishes it.</summary>
    public string Event { get; set; } = "";

    /// <summary>Only the event with this key counts, evaluated when the wait begins (usually the case's order number); none for a broadcast.</summary>
    public WorkflowExpression? CorrelationKey { get; set; }

    /// <summary>The port its path leaves by; unique among the node's ports.</summary>
    public string Port { get; set; } = "";

    /// <summary>True: the event ends the wait. False: the wait goes on, and the event's path runs beside it.</summary>
    public bool Interrupting { get; set; } = true;

    /// <summary>A variable that receives the event's payload.</summary>
    public string? ResultVariable { get; set; }
}
