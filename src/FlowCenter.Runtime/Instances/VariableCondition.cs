using System.Globalization;

namespace FlowCenter.Runtime.Instances;

/// <summary>How a variable condition compares.</summary>
public enum VariableOperator
{
    Equal,
    NotEqual,
    Greater,
    Less,
    GreaterOrEqual,
    LessOrEqual,
    Contains,
    Exists,
}

/// <summary>
/// One condition on a top-level variable of an instance (or on a value it was started with, <c>input.&lt;name&gt;</c>), written as text the same way in a link, the API and the
/// Studio: <c>amount&gt;=1000</c>, <c>supplier contains acme</c>, <c>urgent=true</c>, <c>approvedBy exists</c>.
/// A value that reads as a number compares as a number against number variables; otherwise values compare as
/// text (<c>=</c> exact, <c>contains</c> ignoring case, <c>&gt;</c> and <c>&lt;</c> in character order, right
/// for ISO dates). <c>!=</c> and the comparisons match only instances that have the variable.
/// </summary>
public sealed record VariableCondition(string Name, VariableOperator Operator, string? Value)
{
    /// <summary>Conditions on the values a case was started with name them as expressions do: <c>input.days&gt;=5</c>.</summary>
    public const string InputPrefix = "input.";

    // Longest first, so that ">=" is not read as ">" followed by "=value".
    private static readonly (string Token, VariableOperator Operator)[] Symbols =
    [
        ("!=", VariableOperator.NotEqual), (">=", VariableOperator.GreaterOrEqual), ("<=", VariableOperator.LessOrEqual),
        ("=", VariableOperator.Equal), (">", VariableOperator.Greater), ("<", VariableOperator.Less),
    ];

    /// <summary>The value as a number, when it reads as one.</summary>
    public double? Number => Value is not null && double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;

    /// <summary>Reads a condition; <paramref name="error"/> says what is wrong with one that cannot be read.</summary>
    public static bool TryParse(string? text, out VariableCondition condition, out string error)
    {
        condition = new VariableCondition("", VariableOperator.Exists, null);
        text = text?.Trim() ?? "";
        var end = 0;
        if (text.StartsWith(InputPrefix, StringComparison.Ordinal))
        {
            end = InputPrefix.Length;
        }

        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '$'))
        {
            end++;
        }

        if (end == 0 || end == InputPrefix.Length && text.StartsWith(InputPrefix, StringComparison.Ordinal))
        {
            error = $"Variable condition '{text}' does not start with a variable name.";
            return false;
        }

        var name = text[..end];
        var rest = text[end..];
        foreach (var (token, op) in Symbols)
        {
            if (rest.TrimStart().StartsWith(token, StringComparison.Ordinal))
            {
                condition = new VariableCondition(name, op, rest.TrimStart()[token.Length..].Trim());
                error = "";
                return true;
            }
        }

        var word = rest.Trim();
        if (word.Equals("exists", StringComparison.OrdinalIgnoreCase))
        {
            condition = new VariableCondition(name, VariableOperator.Exists, null);
            error = "";
            return true;
        }

        if (word.StartsWith("contains ", StringComparison.OrdinalIgnoreCase) && word.Length > "contains ".Length)
        {
            condition = new VariableCondition(name, VariableOperator.Contains, word["contains ".Length..].Trim());
            error = "";
            return true;
        }

        error = $"Variable condition '{text}' has no operator after '{name}'; use =, !=, >, <, >=, <=, contains or exists.";
        return false;
    }

    /// <summary>The condition as <see cref="TryParse"/> reads it.</summary>
    public override string ToString() => Operator switch
    {
        VariableOperator.Exists => Name + " exists",
        VariableOperator.Contains => Name + " contains " + Value,
        _ => Name + Symbols.First(s => s.Operator == Operator).Token + Value,
    };
}
