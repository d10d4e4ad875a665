using System.Globalization;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Validation;

namespace FlowCenter.Studio.Designer;

/// <summary>
/// Turns a definition into what the canvas draws. Ports come from the activity metadata; branching
/// activities (Decision, Fork, Inclusive) show their existing branches plus one free port for a new branch.
/// Error, timeout and reminder ports show when they are connected or configured.
/// </summary>
public static class CanvasModelBuilder
{
    /// <param name="portLabel">What a node's port says on the canvas (the user's language); the port's name without it.</param>
    public static CanvasModel Build(WorkflowDefinition definition, ActivityRegistry activities, IReadOnlyList<ValidationProblem> problems, Func<NodeDefinition, string, string>? portLabel = null)
    {
        var failing = problems.Where(p => p.Severity == ProblemSeverity.Error && p.NodeId is not null).Select(p => p.NodeId!).ToHashSet();
        var nodes = definition.Nodes.Select((n, i) =>
        {
            var descriptor = activities.Find(n.Type);
            var ports = PortsOf(n, descriptor, definition);
            return new CanvasNode(
                n.Id,
                n.Type,
                n.Label,
                descriptor?.Category ?? "General",
                n.Layout?.X ?? 60 + (i % 6 * 200),
                n.Layout?.Y ?? 60 + (i / 6 * 110),
                n.Layout?.Width,
                n.Layout?.Height,
                ports,
                failing.Contains(n.Id) ? "error" : null)
            {
                PortLabels = portLabel is null ? null : [.. ports.Select(p => portLabel(n, p))],
            };
        }).ToList();
        var edges = definition.Connections
            .Where(c => definition.Nodes.Exists(n => n.Id == c.Source) && definition.Nodes.Exists(n => n.Id == c.Target))
            .Select(c => new CanvasEdge(c.Id, c.Source, c.SourcePort, c.Target, c.Label ?? Short(c.Condition?.Source), c.Vertices))
            .ToList();
        return new CanvasModel(nodes, edges);
    }

    /// <summary>An unnamed connection shows its condition, shortened to fit beside the line.</summary>
    private static string? Short(string? condition)
    {
        var text = condition?.ReplaceLineEndings(" ").Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length <= 32 ? text : text[..31] + "…";
    }

    private static List<string> PortsOf(NodeDefinition node, ActivityDescriptor? descriptor, WorkflowDefinition definition)
    {
        var connected = definition.Connections.Where(c => c.Source == node.Id).Select(c => c.SourcePort).Distinct().ToList();
        if (descriptor is null)
        {
            return connected;
        }

        if (descriptor.AnyPort)
        {
            var ports = connected.Where(p => p is not (Ports.Default or Ports.Error)).ToList();
            var number = 1;
            while (ports.Contains("branch" + number.ToString(CultureInfo.InvariantCulture)))
            {
                number++;
            }

            ports.Add("branch" + number.ToString(CultureInfo.InvariantCulture));
            if (descriptor.TypeName is "Decision" or "Inclusive")
            {
                ports.Add(Ports.Default);
            }

            if (connected.Contains(Ports.Error))
            {
                ports.Add(Ports.Error);
            }

            return ports;
        }

        return descriptor.PortsOf(node)
            .Where(p => p switch
            {
                Ports.Error => connected.Contains(p),
                Ports.Timeout => node.Timeout is not null || connected.Contains(p),
                Ports.Reminder => node.Reminder is not null || connected.Contains(p),
                _ => true,
            })
            .Distinct()
            .ToList();
    }
}
