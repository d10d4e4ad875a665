namespace FlowCenter.Engine.Activities;

/// <summary>Metadata of an activity type, listed by the designer's palette.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string typeName) : Attribute
{
    /// <summary>The name used in definitions, for example <c>Decision</c>.</summary>
    public string TypeName { get; } = typeName;

    public string Category { get; init; } = "General";

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>The fixed outcome ports.</summary>
    public string[] Ports { get; init; } = [FlowCenter.Engine.Definitions.Ports.Done];

    /// <summary>Outgoing connections may use any port name (branches of a decision or fork).</summary>
    public bool AnyPort { get; init; }

    /// <summary>The node can wait, so it may have a timeout and reminders.</summary>
    public bool CanWait { get; init; }

    /// <summary>The node starts instances (Start, Cron); it has no incoming connections.</summary>
    public bool IsTrigger { get; init; }
}
