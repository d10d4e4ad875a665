namespace FlowCenter.Engine.Definitions;

/// <summary>Source code in an expression language, evaluated by an <c>IExpressionEvaluator</c>.</summary>
public sealed class WorkflowExpression
{
    public const string JavaScript = "javascript";

    public string Language { get; set; } = JavaScript;

    public string Source { get; set; } = "";

    public static WorkflowExpression Js(string source) => new() { Language = JavaScript, Source = source };
}
