using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Activities;

/// <summary>Everything the designer and the validator know about an activity type.</summary>
public sealed class ActivityDescriptor
{
    public required string TypeName { get; init; }

    public required string Category { get; init; }

    public required string DisplayName { get; init; }

    public string? Description { get; init; }

    public required IReadOnlyList<InputDescriptor> Inputs { get; init; }

    public required IReadOnlyList<string> Ports { get; init; }

    public bool AnyPort { get; init; }

    public bool CanWait { get; init; }

    public bool IsTrigger { get; init; }

    public required IActivity Activity { get; init; }

    public InputDescriptor? FindInput(string name) => Inputs.FirstOrDefault(i => i.Name == name);

    /// <summary>Every port a node of this type may have connections on.</summary>
    public IEnumerable<string> PortsOf(NodeDefinition node)
    {
        var ports = Activity is IPortProvider provider ? provider.GetPorts(node) : Ports;
        foreach (var port in ports)
        {
            yield return port;
        }

        if (Ports.Count > 0 || Activity is IPortProvider || AnyPort)
        {
            yield return Definitions.Ports.Error;
        }

        if (CanWait)
        {
            yield return Definitions.Ports.Timeout;
            yield return Definitions.Ports.Reminder;
            foreach (var listener in node.Events ?? [])
            {
                yield return listener.Port;
            }
        }
    }
}
