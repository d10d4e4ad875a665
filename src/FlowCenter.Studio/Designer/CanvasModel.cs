namespace FlowCenter.Studio.Designer;

/// <summary>What the canvas draws: plain data sent to the JS module.</summary>
public sealed record CanvasModel(IReadOnlyList<CanvasNode> Nodes, IReadOnlyList<CanvasEdge> Edges);

public sealed record CanvasNode(string Id, string Type, string Label, string Category, double X, double Y, double? Width, double? Height, IReadOnlyList<string> Ports, string? Status)
{
    /// <summary>What each port says on the canvas, in the user's language, in the order of <see cref="Ports"/>.</summary>
    public IReadOnlyList<string>? PortLabels { get; init; }
}

public sealed record CanvasEdge(string Id, string Source, string SourcePort, string Target, string? Label, IReadOnlyList<Engine.Definitions.Point> Vertices);
