using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Json;

namespace FlowCenter.Engine.Execution;

/// <summary>A node with everything the interpreter looks up while running, resolved once per definition.</summary>
public sealed class CompiledNode
{
    internal static readonly ConnectionDefinition[] None = [];
    private readonly Dictionary<string, ConnectionDefinition[]> _byPort;

    internal CompiledNode(NodeDefinition definition, int index, ActivityDescriptor descriptor, IReadOnlyList<ConnectionDefinition> outgoing, IReadOnlyList<ConnectionDefinition> incoming)
    {
        Definition = definition;
        Index = index;
        Descriptor = descriptor;
        Outgoing = outgoing;
        Incoming = incoming;
        _byPort = outgoing.GroupBy(c => c.SourcePort, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Join = (descriptor.Activity as IJoinActivity)?.GetJoin(definition, incoming.Count);
        Timeout = definition.Timeout is { } t ? JsonValues.ParseDuration(t) : null;
        ReminderInterval = definition.Reminder is { } r ? JsonValues.ParseDuration(r.Interval) : null;
        Ports = descriptor.PortsOf(definition).ToHashSet(StringComparer.Ordinal);
    }

    public NodeDefinition Definition { get; }

    public string Id => Definition.Id;

    public int Index { get; }

    public ActivityDescriptor Descriptor { get; }

    public IActivity Activity => Descriptor.Activity;

    /// <summary>Outgoing connections in definition order.</summary>
    public IReadOnlyList<ConnectionDefinition> Outgoing { get; }

    public IReadOnlyList<ConnectionDefinition> Incoming { get; }

    public JoinSpec? Join { get; }

    /// <summary>The ports this node may complete through, including error, timeout and reminder where they apply.</summary>
    public IReadOnlySet<string> Ports { get; }

    /// <summary>For joins: which nodes (by index) can reach this one without passing through it.</summary>
    public bool[]? ReachableFrom { get; internal set; }

    public TimeSpan? Timeout { get; }

    public TimeSpan? ReminderInterval { get; }

    public ConnectionDefinition[] ConnectionsOn(string port) => _byPort.TryGetValue(port, out var list) ? list : None;
}
