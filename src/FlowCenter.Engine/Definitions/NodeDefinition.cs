namespace FlowCenter.Engine.Definitions;

/// <summary>One activity placed on the canvas.</summary>
public sealed class NodeDefinition
{
    public string Id { get; set; } = "";

    /// <summary>The activity type name, for example <c>Decision</c>.</summary>
    public string Type { get; set; } = "";

    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    /// <summary>Input values by input name, in the order they were written.</summary>
    public Dictionary<string, InputValue> Inputs { get; set; } = [];

    /// <summary>How often a failing node is tried again before its error port or an incident.</summary>
    public RetryPolicy? Retry { get; set; }

    /// <summary>For waiting nodes: after this duration the wait ends through the <c>timeout</c> port.</summary>
    public string? Timeout { get; set; }

    /// <summary>For waiting nodes: a repeating, non-interrupting reminder through the <c>reminder</c> port.</summary>
    public ReminderSettings? Reminder { get; set; }

    /// <summary>For waiting nodes: events that leave through ports of their own while the node waits.</summary>
    public List<EventListenerSettings>? Events { get; set; }

    public NodeLayout? Layout { get; set; }

    /// <summary>The name shown for the node: its display name, else its id.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Label => string.IsNullOrEmpty(DisplayName) ? Id : DisplayName;
}
