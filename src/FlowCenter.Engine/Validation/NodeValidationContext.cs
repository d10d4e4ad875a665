using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Expressions;

namespace FlowCenter.Engine.Validation;

/// <summary>What an activity's own rules see of a node, and where they report problems.</summary>
public sealed class NodeValidationContext
{
    private readonly List<ValidationProblem> _problems;
    private readonly ExpressionEvaluators _evaluators;

    internal NodeValidationContext(NodeDefinition node, ActivityDescriptor descriptor, WorkflowDefinition definition, List<ValidationProblem> problems, ExpressionEvaluators evaluators)
    {
        Node = node;
        Descriptor = descriptor;
        Definition = definition;
        _problems = problems;
        _evaluators = evaluators;
        Outgoing = definition.Connections.Where(c => c.Source == node.Id).ToList();
        Incoming = definition.Connections.Where(c => c.Target == node.Id).ToList();
    }

    public NodeDefinition Node { get; }

    public ActivityDescriptor Descriptor { get; }

    public WorkflowDefinition Definition { get; }

    public IReadOnlyList<ConnectionDefinition> Outgoing { get; }

    public IReadOnlyList<ConnectionDefinition> Incoming { get; }

    public void Error(string code, string message, string? connectionId = null, params string[] arguments) =>
        _problems.Add(new ValidationProblem(ProblemSeverity.Error, code, message, connectionId is null ? Node.Id : null, connectionId) { Arguments = arguments });

    public void Warning(string code, string message, string? connectionId = null, params string[] arguments) =>
        _problems.Add(new ValidationProblem(ProblemSeverity.Warning, code, message, connectionId is null ? Node.Id : null, connectionId) { Arguments = arguments });

    /// <summary>Reports a syntax error of <paramref name="expression"/>; <paramref name="where"/> names its place.</summary>
    public void CheckExpression(WorkflowExpression expression, ExpressionKind kind, string where, string? connectionId = null) =>
        WorkflowValidator.CheckExpression(_evaluators, expression, kind, where, _problems, connectionId is null ? Node.Id : null, connectionId);
}
