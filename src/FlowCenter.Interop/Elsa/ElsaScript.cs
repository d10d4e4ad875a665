using System.Text.Json;
using System.Text.RegularExpressions;

namespace FlowCenter.Interop.Elsa;

/// <summary>
/// Elsa's JavaScript in FlowCenter's: variables are globals here, so Elsa's generated accessors
/// (<c>getCounter()</c>, <c>setCounter(v)</c>, <c>variables.Counter</c>, <c>getInput1()</c> for a workflow input)
/// become the names themselves or FlowCenter's <c>getVariable</c>/<c>setVariable</c>/<c>getInput</c>, and a value
/// with a top-level <c>return</c> (Elsa runs every expression as a script) becomes a function called at once.
/// </summary>
internal static partial class ElsaScript
{
    /// <summary>The script in FlowCenter's JavaScript; the same text when nothing needed a change.</summary>
    /// <param name="variables">The variables in scope by Elsa's PascalCase accessor name (Counter for counter).</param>
    /// <param name="inputs">The workflow's input names, as Elsa's accessor names them.</param>
    /// <param name="asValue">The input is evaluated as a value, where a top-level <c>return</c> cannot stand.</param>
    public static string Translate(string source, IReadOnlyDictionary<string, string> variables, IReadOnlySet<string> inputs, bool asValue)
    {
        var text = Getter().Replace(source, m =>
        {
            var name = m.Groups[1].Value;
            return variables.TryGetValue(name, out var variable) ? Name(variable)
                : inputs.Contains(name) ? $"getInput({JsonSerializer.Serialize(name)})"
                : m.Value;
        });
        text = Setter().Replace(text, m => variables.TryGetValue(m.Groups[1].Value, out var variable) ? $"setVariable({JsonSerializer.Serialize(variable)}, " : m.Value);
        text = VariablesObject().Replace(text, m => variables.Values.Contains(m.Groups[1].Value, StringComparer.Ordinal) ? Name(m.Groups[1].Value) : m.Value);
        text = text.Replace("getWorkflowInstanceId()", "instanceId()", StringComparison.Ordinal);
        if (asValue && Return().IsMatch(text))
        {
            text = "(function () {\n" + text + "\n})()";
        }

        return text;
    }

    /// <summary>A variable as an expression: its bare name when it is an identifier, else getVariable("name").</summary>
    private static string Name(string variable) => Identifier().IsMatch(variable) ? variable : $"getVariable({JsonSerializer.Serialize(variable)})";

    /// <summary>Elsa's accessor name for a variable: the name with its first letter in upper case.</summary>
    public static string Accessor(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"(?<![\w.$])get([A-Z][A-Za-z0-9]*)\(\s*\)")]
    private static partial Regex Getter();

    [GeneratedRegex(@"(?<![\w.$])set([A-Z][A-Za-z0-9]*)\(")]
    private static partial Regex Setter();

    [GeneratedRegex(@"(?<![\w.$])variables\.([A-Za-z_$][\w$]*)")]
    private static partial Regex VariablesObject();

    [GeneratedRegex(@"(^|[;{}\n])\s*return\b")]
    private static partial Regex Return();

    [GeneratedRegex(@"^[A-Za-z_$][\w$]*$")]
    private static partial Regex Identifier();
}
