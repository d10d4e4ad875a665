namespace FlowCenter.Engine.Validation;

/// <summary>One problem of a definition, pointing at the node or connection it is about.</summary>
public sealed record ValidationProblem(ProblemSeverity Severity, string Code, string Message, string? NodeId = null, string? ConnectionId = null)
{
    /// <summary>The parts of <see cref="Message"/> (an input's name, a port), so that a UI can say it in its own language.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public override string ToString()
    {
        var where = NodeId is not null ? $"node '{NodeId}': " : ConnectionId is not null ? $"connection '{ConnectionId}': " : "";
        return $"{Severity.ToString().ToLowerInvariant()} {Code}: {where}{Message}";
    }
}
