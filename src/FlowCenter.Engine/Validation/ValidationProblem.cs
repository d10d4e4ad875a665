namespace FlowCenter.Engine.Validation;

/// <summary>One problem of a definition, pointing at the node or connection it is about.</summary>
public sealed record ValidationProblem(ProblemSeverity Severity, string Code, string Message, string? NodeId = null, string? ConnectionId = null)
{
    public override string ToString()
    {
        var where = NodeId is not null ? $"node '{NodeId}': " : ConnectionId is not null ? $"connection '{ConnectionId}': " : "";
        return $"{Severity.ToString().ToLowerInvariant()} {Code}: {where}{Message}";
    }
}
