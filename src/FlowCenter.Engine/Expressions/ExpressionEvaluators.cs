using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Expressions;

/// <summary>The evaluators of an engine, found by language name or alias (case-insensitive).</summary>
public sealed class ExpressionEvaluators
{
    private readonly Dictionary<string, IExpressionEvaluator> _byLanguage = new(StringComparer.OrdinalIgnoreCase);

    public ExpressionEvaluators(IEnumerable<IExpressionEvaluator> evaluators)
    {
        foreach (var evaluator in evaluators)
        {
            _byLanguage[evaluator.Language] = evaluator;
            foreach (var alias in evaluator.Aliases)
            {
                _byLanguage[alias] = evaluator;
            }
        }
    }

    public IExpressionEvaluator? Find(string language) => _byLanguage.GetValueOrDefault(language);

    public IExpressionEvaluator Get(WorkflowExpression expression) =>
        Find(expression.Language)
        ?? throw new ExpressionException($"No evaluator for expression language '{expression.Language}'.");
}
