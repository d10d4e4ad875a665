namespace FlowCenter.Engine.Validation;

/// <summary>A definition with errors was about to run or be stored; <see cref="Problems"/> lists all of them.</summary>
public sealed class WorkflowValidationException : Exception
{
    public WorkflowValidationException()
    {
        Problems = [];
    }

    public WorkflowValidationException(string message)
        : base(message)
    {
        Problems = [];
    }

    public WorkflowValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public WorkflowValidationException(string definitionId, IReadOnlyList<ValidationProblem> problems)
        : base($"Definition '{definitionId}' is not valid:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems.Where(p => p.Severity == ProblemSeverity.Error))}")
    {
        Problems = problems;
    }

    public IReadOnlyList<ValidationProblem> Problems { get; }
}
