using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Acornima;
using Acornima.Ast;
using FlowCenter.Engine.Expressions;
using Jint;
using JsEngine = Jint.Engine;

namespace FlowCenter.Expressions;

/// <summary>
/// JavaScript through Jint, sandboxed: no CLR access, and per-evaluation limits on statements, time, memory
/// and recursion. Scripts are parsed once and cached; Jint engines are pooled and reused, and an evaluation
/// only sees the variables it names, set as globals for its duration.
/// </summary>
public sealed class JintExpressionEvaluator : IExpressionEvaluator, IDisposable
{
    private readonly ConcurrentDictionary<(string Source, ExpressionKind Kind), Prepared<Script>> _cache = new();
    private readonly ConcurrentBag<SandboxEngine> _pool = [];
    private readonly JavaScriptOptions _options;
    private readonly TimeProvider _clock;

    public JintExpressionEvaluator(JavaScriptOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
    }

    public string Language => "javascript";

    /// <summary>How many parsed scripts are cached for reuse.</summary>
    public int CachedScripts => _cache.Count;

    public void Dispose()
    {
        while (_pool.TryTake(out var engine))
        {
            engine.Dispose();
        }
    }

    public IReadOnlyList<string> Aliases => ["js", "JavaScript"];

    public string? CheckSyntax(string source, ExpressionKind kind)
    {
        try
        {
            Prepare(source, kind);
            return null;
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is ParseErrorException parse)
        {
            return Describe(parse, source, kind);
        }
    }

    public JsonNode? Evaluate(string source, ExpressionKind kind, IExpressionScope scope)
    {
        Prepared<Script> script;
        try
        {
            script = Prepare(source, kind);
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is ParseErrorException parse)
        {
            throw new ExpressionException("JavaScript syntax error: " + Describe(parse, source, kind), ex);
        }

        var engine = _pool.TryTake(out var pooled) ? pooled : new SandboxEngine(_options, _clock);
        try
        {
            return engine.Run(script, source, kind, scope);
        }
        finally
        {
            _pool.Add(engine);
        }
    }

    private Prepared<Script> Prepare(string source, ExpressionKind kind)
    {
        if (_cache.TryGetValue((source, kind), out var prepared))
        {
            return prepared;
        }

        // A value expression may end with a semicolon out of habit: "a + b;".
        var code = kind == ExpressionKind.Script
            ? "(function () {\n" + source + "\n})()"
            : "(\n" + source.TrimEnd().TrimEnd(';') + "\n)";
        prepared = JsEngine.PrepareScript(code, strict: true);
        if (_cache.Count >= _options.CacheSize)
        {
            _cache.Clear();
        }

        _cache[(source, kind)] = prepared;
        return prepared;
    }

    /// <summary>
    /// The parser's message at the user's line and column (both from 1), not the wrapper's: an error on the
    /// wrapper's closing line means the user's text ended too soon, and is placed at its end.
    /// </summary>
    private static string Describe(ParseErrorException ex, string source, ExpressionKind kind)
    {
        var lines = source.TrimEnd().Split('\n');
        var line = ex.LineNumber - 1; // line 1 of the wrapped code is the wrapper's opening
        var column = ex.Column + 1;
        var description = ex.Description;
        if (line > lines.Length)
        {
            (line, column, description) = (lines.Length, lines[^1].TrimEnd('\r').Length + 1, "Unexpected end of input");
        }

        return $"{description} (line {Math.Max(line, 1)}, column {column}){(kind == ExpressionKind.Value ? "" : " in the script")}";
    }
}
