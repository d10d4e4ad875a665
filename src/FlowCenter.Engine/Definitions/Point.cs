namespace FlowCenter.Engine.Definitions;

/// <summary>A point on the canvas.</summary>
public sealed class Point
{
    public double X { get; set; }

    public double Y { get; set; }
}
