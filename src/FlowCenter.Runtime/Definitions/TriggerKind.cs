namespace FlowCenter.Runtime.Definitions;

public enum TriggerKind
{
    /// <summary>Starts an instance when an event with this name is published.</summary>
    Event,

    /// <summary>Starts an instance at each occurrence of a cron schedule.</summary>
    Cron,
}
