using System.Text.Json.Nodes;

namespace FlowCenter.Engine.Expressions;

/// <summary>Evaluates source code of one expression language against an instance's data.</summary>
public interface IExpressionEvaluator
{
    /// <summary>The language name used in definitions, such as <c>javascript</c>.</summary>
    string Language { get; }

    /// <summary>Other names accepted for the language, such as <c>js</c>.</summary>
    IReadOnlyList<string> Aliases => [];

    /// <summary>Null when <paramref name="source"/> parses; otherwise the syntax error with its line and column.</summary>
    string? CheckSyntax(string source, ExpressionKind kind);

    /// <summary>Evaluates <paramref name="source"/>; throws <see cref="ExpressionException"/> when it fails or exceeds a limit.</summary>
    JsonNode? Evaluate(string source, ExpressionKind kind, IExpressionScope scope);
}
