namespace FlowCenter.Engine.Definitions;

/// <summary>Where the designer draws a node.</summary>
public sealed class NodeLayout
{
    public double X { get; set; }

    public double Y { get; set; }

    public double? Width { get; set; }

    public double? Height { get; set; }
}
