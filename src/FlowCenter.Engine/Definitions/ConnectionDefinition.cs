namespace FlowCenter.Engine.Definitions;

/// <summary>An edge: when <see cref="Source"/> completes through <see cref="SourcePort"/>, a token goes to <see cref="Target"/>.</summary>
public sealed class ConnectionDefinition
{
    public string Id { get; set; } = "";

    public string Source { get; set; } = "";

    public string SourcePort { get; set; } = Ports.Done;

    public string Target { get; set; } = "";

    /// <summary>For Decision and Inclusive sources: the branch is taken when this evaluates to true.</summary>
    public WorkflowExpression? Condition { get; set; }

    public string? Label { get; set; }

    /// <summary>Bend points of the drawn edge.</summary>
    public List<Point> Vertices { get; set; } = [];
}
