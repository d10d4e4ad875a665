using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Contracts;

public enum TriggerKind
{
    /// <summary>Starts an instance when an event with this name is published.</summary>
    Event,

    /// <summary>Starts an instance at each occurrence of a cron schedule.</summary>
    Cron,
}

/// <summary>What a trigger node starts instances on: an event's name, or a cron expression in a time zone.</summary>
public sealed record StartTrigger(TriggerKind Kind, string Value, string? TimeZone = null);

/// <summary>A start activity the host arms while its version is current (event starts, cron schedules).</summary>
public interface ITriggerActivity
{
    /// <summary>The trigger a node of this activity defines (its value empty when the node names none yet).</summary>
    StartTrigger TriggerOf(NodeDefinition node);
}
