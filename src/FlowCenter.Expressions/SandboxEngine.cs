using System.Globalization;
using System.Text.Json.Nodes;
using Acornima.Ast;
using FlowCenter.Engine.Expressions;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime;

namespace FlowCenter.Expressions;

/// <summary>One pooled Jint engine with the FlowCenter helpers; used by one evaluation at a time.</summary>
internal sealed class SandboxEngine : IDisposable
{
    private readonly JsEngine _engine;
    private readonly JavaScriptOptions _options;
    private readonly List<(string Name, JsonNode? Value)> _bound = [];
    private readonly HashSet<string> _reserved;
    private IExpressionScope? _scope;

    public SandboxEngine(JavaScriptOptions options, TimeProvider clock)
    {
        _options = options;
        _engine = new JsEngine(o =>
        {
            o.Strict();
            o.LimitRecursion(options.MaxRecursionDepth);
            o.MaxStatements(options.MaxStatements);
            o.TimeoutInterval(options.TimeLimit);
            o.LimitMemory(options.MemoryLimitBytes);
            o.TimeSystem = new ClockTimeSystem(clock);
            o.Culture = CultureInfo.InvariantCulture;
        });
        _engine.SetValue("now", new Func<string>(() => Scope.Now.ToString("O", CultureInfo.InvariantCulture)));
        _engine.SetValue("instanceId", new Func<string>(() => Scope.InstanceId));
        _engine.SetValue("parentInstanceId", new Func<string?>(() => Scope.ParentInstanceId));
        _engine.SetValue("formatDate", new Func<JsValue, string, string>(FormatDate));
        _engine.SetValue("getVariable", new Func<string, JsValue>(name => JsonBridge.ToJs(_engine, Scope.Variables.GetValueOrDefault(name))));
        _engine.SetValue("setVariable", new Action<string, JsValue>((name, value) => Scope.SetVariable(name, JsonBridge.FromJs(_engine, value))));
        _engine.SetValue("getInput", new Func<string, JsValue>(name => JsonBridge.ToJs(_engine, Scope.Input.GetValueOrDefault(name))));

        // Built-ins and helpers are never shadowed, so unbinding cannot delete them from a pooled engine;
        // a variable named like one stays readable through getVariable(name).
        _reserved = new HashSet<string>(_engine.Global.GetOwnPropertyKeys().Select(k => k.ToString()), StringComparer.Ordinal) { "input", "lastError" };
    }

    public void Dispose() => _engine.Dispose();

    private IExpressionScope Scope => _scope ?? throw new InvalidOperationException("No evaluation is running.");

    public JsonNode? Run(in Prepared<Script> script, string source, ExpressionKind kind, IExpressionScope scope)
    {
        _scope = scope;
        try
        {
            Bind(source, scope);
            var result = _engine.Evaluate(script);
            if (kind == ExpressionKind.Script)
            {
                WriteBack(scope);
            }

            return JsonBridge.FromJs(_engine, result);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException($"JavaScript error: {ex.Message}{Where(ex.Location.Start.Line, kind)}", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw new ExpressionException($"The script was stopped after {_options.MaxStatements} statements; does it loop forever?", ex);
        }
        catch (TimeoutException ex)
        {
            throw new ExpressionException($"The script was stopped after running {_options.TimeLimit.TotalSeconds:0.###} s; does it loop forever?", ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            throw new ExpressionException($"The script was stopped for using more than {_options.MemoryLimitBytes / (1024 * 1024)} MiB.", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            throw new ExpressionException($"The script was stopped at a call depth over {_options.MaxRecursionDepth}.", ex);
        }
        catch (Exception ex) when (ex is JintException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new ExpressionException("JavaScript error: " + ex.Message, ex);
        }
        finally
        {
            Unbind();
            _scope = null;
        }
    }

    /// <summary>Sets as globals the variables, locals and input that the source names; nothing else is converted.</summary>
    private void Bind(string source, IExpressionScope scope)
    {
        foreach (var (name, value) in scope.Variables)
        {
            BindIfNamed(source, name, value);
        }

        foreach (var (name, value) in scope.Locals)
        {
            if (!_bound.Exists(b => b.Name == name))
            {
                BindIfNamed(source, name, value);
            }
            else if (!_reserved.Contains(name))
            {
                var at = _bound.FindIndex(b => b.Name == name);
                _bound[at] = (name, value);
                _engine.SetValue(name, JsonBridge.ToJs(_engine, value));
            }
        }

        if (source.Contains("input", StringComparison.Ordinal))
        {
            var input = new JsonObject();
            foreach (var (name, value) in scope.Input)
            {
                input[name] = value?.DeepClone();
            }

            _engine.SetValue("input", JsonBridge.ToJs(_engine, input));
        }

        if (source.Contains("lastError", StringComparison.Ordinal))
        {
            _engine.SetValue("lastError", JsonBridge.ToJs(_engine, scope.LastError));
        }
    }

    private void BindIfNamed(string source, string name, JsonNode? value)
    {
        if (!_reserved.Contains(name) && source.Contains(name, StringComparison.Ordinal))
        {
            _bound.Add((name, value));
            _engine.SetValue(name, JsonBridge.ToJs(_engine, value));
        }
    }

    /// <summary>A script changes variables by assigning to them: each changed one is written back.</summary>
    private void WriteBack(IExpressionScope scope)
    {
        foreach (var (name, before) in _bound)
        {
            var after = JsonBridge.FromJs(_engine, _engine.GetValue(name));
            if (!JsonNode.DeepEquals(before, after))
            {
                scope.SetVariable(name, after);
            }
        }
    }

    private void Unbind()
    {
        foreach (var (name, _) in _bound)
        {
            _engine.Global.Delete(name);
        }

        _bound.Clear();
        _engine.Global.Delete("input");
        _engine.Global.Delete("lastError");
    }

    private static string Where(int line, ExpressionKind kind) =>
        kind == ExpressionKind.Script && line > 1 ? $" (line {line - 1})" : "";

    private string FormatDate(JsValue value, string format)
    {
        DateTimeOffset date = value switch
        {
            JsDate d => new DateTimeOffset(d.ToDateTime(), TimeSpan.Zero),
            JsNumber n => DateTimeOffset.FromUnixTimeMilliseconds((long)n.AsNumber()),
            _ => DateTimeOffset.Parse(value.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        };
        return date.ToString(format, CultureInfo.InvariantCulture);
    }
}
