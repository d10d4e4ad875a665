using System.Text.RegularExpressions;

namespace FlowCenter.Interop.Bpmn;

/// <summary>
/// Conditions and assignments of other engines in FlowCenter's JavaScript: JavaScript stays as written; simple
/// JUEL (<c>${amount > 1000 and approved}</c>), FEEL (<c>= amount > 1000</c>) and XPath over data objects
/// (<c>bpmn:getDataObject('approved')</c>) comparisons are translated; anything else is reported, never guessed.
/// </summary>
internal static partial class BpmnExpressions
{
    /// <summary>A translated expression, or the language it stays in when it could not be translated.</summary>
    public sealed record Result(string Source, string? Untranslated, string Original);

    public static Result Translate(string text, string? language)
    {
        var original = text.Trim();
        if (language is not null && (language.Contains("javascript", StringComparison.OrdinalIgnoreCase) || language.Contains("ecmascript", StringComparison.OrdinalIgnoreCase)))
        {
            return new Result(original, null, original);
        }

        string body;
        string kind;
        if (original.StartsWith('=') && !original.StartsWith("==", StringComparison.Ordinal))
        {
            (body, kind) = (original[1..], "FEEL");
        }
        else if (Juel().Match(original) is { Success: true } juel)
        {
            (body, kind) = (juel.Groups[1].Value, "JUEL");
        }
        else if (original.Contains("getDataObject(", StringComparison.Ordinal))
        {
            (body, kind) = (original, "XPath");
        }
        else
        {
            (body, kind) = (original, language is null ? "JavaScript" : "unknown");
        }

        var js = DataObject().Replace(body, "$1");
        js = Word("and").Replace(js, "&&");
        js = Word("or").Replace(js, "||");
        js = NotCall().Replace(js, "!(");
        js = Word("not").Replace(js, "!");
        js = Word("eq").Replace(js, "==");
        js = Word("ne").Replace(js, "!=");
        js = Word("lt").Replace(js, "<");
        js = Word("gt").Replace(js, ">");
        js = Word("le").Replace(js, "<=");
        js = Word("ge").Replace(js, ">=");
        js = SingleEquals().Replace(js, "==");
        js = js.Trim();
        return js.Length > 0 && IsSimple(js)
            ? new Result(js, null, original)
            : new Result(original, kind, original);
    }

    /// <summary>A bare variable reference (<c>${approver}</c>, <c>=approver</c>) as its name; null when it is something else.</summary>
    public static string? VariableOf(string text)
    {
        var trimmed = text.Trim();
        var inner = trimmed.StartsWith('=') ? trimmed[1..].Trim() : Juel().Match(trimmed) is { Success: true } m ? m.Groups[1].Value.Trim() : null;
        return inner is not null && Identifier().IsMatch(inner) ? inner : null;
    }

    /// <summary>Whether the text is an expression at all (${...}, #{...} or FEEL's leading '='), rather than a literal.</summary>
    public static bool IsExpression(string text) => text.TrimStart().StartsWith('=') || Juel().IsMatch(text.Trim());

    private static Regex Word(string word) => new($@"(?<![\w.'""])\b{word}\b(?![\w'""])", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    [GeneratedRegex(@"^[#$]\{(.*)\}$", RegexOptions.Singleline)]
    private static partial Regex Juel();

    [GeneratedRegex(@"(?:bpmn:)?getDataObject\(\s*'([A-Za-z_$][\w$]*)'\s*\)")]
    private static partial Regex DataObject();

    [GeneratedRegex(@"\bnot\s*\(")]
    private static partial Regex NotCall();

    [GeneratedRegex(@"(?<![=!<>])=(?!=)")]
    private static partial Regex SingleEquals();

    /// <summary>
    /// Names, numbers, quoted text, comparison and logic in a sensible order (no two values side by side, as in
    /// "Service Level == 1", where a name has a space): what a simple condition is made of.
    /// </summary>
    private static bool IsSimple(string js)
    {
        var previousWasValue = false;
        foreach (Match token in Token().Matches(js))
        {
            if (!token.Success)
            {
                return false;
            }

            var text = token.Value;
            var isValue = char.IsLetterOrDigit(text[0]) || text[0] is '_' or '$' or '\'' or '"';
            if ((isValue || text == "(" || text == "!") && previousWasValue)
            {
                return false;
            }

            previousWasValue = isValue || text == ")";
        }

        return Token().Replace(js, "").Trim().Length == 0;
    }

    [GeneratedRegex(@"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*|\d+(?:\.\d+)?|'[^']*'|""[^""]*""|===?|!==?|<=|>=|<|>|&&|\|\||!|\(|\)|[-+*/%]")]
    private static partial Regex Token();

    [GeneratedRegex(@"^[A-Za-z_$][\w$]*$")]
    private static partial Regex Identifier();
}
