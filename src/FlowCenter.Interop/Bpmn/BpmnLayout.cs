using FlowCenter.Engine.Definitions;

namespace FlowCenter.Interop.Bpmn;

/// <summary>
/// Makes room in another tool's diagram for the designer's steps: BPMN draws events as 36 px circles with their
/// names below and puts the next element 50 px further, where the designer draws every step as a box wide enough
/// for its name. The diagram is stretched sideways just enough that no step covers the next one on its row; its
/// shape stays as it was drawn.
/// </summary>
internal static class BpmnLayout
{
    private const double MaxStretch = 3;
    private const double Gap = 24;

    public static void Spread(WorkflowDefinition definition)
    {
        var placed = definition.Nodes.Where(n => n.Layout is not null).Select(n => (Node: n, Layout: n.Layout!, Size: SizeOnCanvas(definition, n))).ToList();
        var stretch = 1.0;
        foreach (var a in placed)
        {
            foreach (var b in placed)
            {
                var apart = b.Layout.X - a.Layout.X;
                var sameRow = a.Layout.Y < b.Layout.Y + b.Size.Height && b.Layout.Y < a.Layout.Y + a.Size.Height;
                if (apart > 0 && sameRow && (a.Size.Width + Gap) / apart > stretch)
                {
                    stretch = Math.Min(MaxStretch, (a.Size.Width + Gap) / apart);
                }
            }
        }

        if (stretch <= 1.0 || placed.Count == 0)
        {
            return;
        }

        var left = placed.Min(p => p.Layout.X);
        double Stretched(double x) => Math.Round(left + (x - left) * stretch);
        foreach (var (_, layout, _) in placed)
        {
            layout.X = Stretched(layout.X);
        }

        foreach (var connection in definition.Connections)
        {
            connection.Vertices = [.. connection.Vertices.Select(p => new Point { X = Stretched(p.X), Y = p.Y })];
        }
    }

    /// <summary>About the size the designer gives a step: its name on lines of at most 100 px, its outcomes' labels in a column beside it.</summary>
    private static (double Width, double Height) SizeOnCanvas(WorkflowDefinition definition, NodeDefinition node)
    {
        var width = node.Layout!.Width ?? 160;
        var label = node.Label.Length * 7.0;
        var ports = definition.Connections.Where(c => c.Source == node.Id && c.SourcePort != Ports.Done).Select(c => c.SourcePort).Distinct().ToList();
        var portColumn = ports.Count == 0 ? 0 : Math.Min(96, ports.Max(p => p.Length) * 6.0) + 14;
        var lines = Math.Ceiling(label / Math.Max(width - portColumn - 20, 100));
        return (Math.Max(width, Math.Min(label, Math.Max(width - portColumn - 20, 100)) + portColumn + 20), Math.Max(node.Layout.Height ?? 48, Math.Max(lines * 17 + 18, 48)));
    }
}
