namespace FlowCenter.Runtime.Execution;

/// <summary>
/// An event's correlation key matches instances waiting in more than one place: the process gives several
/// cases the same key, a design error. Nothing was resumed; the sender is told, and so are the operators' logs.
/// </summary>
public sealed class AmbiguousCorrelationException : InvalidOperationException
{
    public AmbiguousCorrelationException(string eventName, string correlationKey, IReadOnlyList<string> instanceIds)
        : base($"Event '{eventName}' with key '{correlationKey}' matches {instanceIds.Count} waiting instances ({string.Join(", ", instanceIds.Take(5))}{(instanceIds.Count > 5 ? ", ..." : "")}); "
            + "a key must name one case. Nothing was resumed: give each case a key of its own.")
    {
        EventName = eventName;
        CorrelationKey = correlationKey;
        InstanceIds = instanceIds;
    }

    public AmbiguousCorrelationException()
        : this("", "", [])
    {
    }

    public AmbiguousCorrelationException(string message)
        : base(message)
    {
        (EventName, CorrelationKey, InstanceIds) = ("", "", []);
    }

    public AmbiguousCorrelationException(string message, Exception innerException)
        : base(message, innerException)
    {
        (EventName, CorrelationKey, InstanceIds) = ("", "", []);
    }

    public string EventName { get; }

    public string CorrelationKey { get; }

    public IReadOnlyList<string> InstanceIds { get; }
}
