using FlowCenter.Engine.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Expressions;
using FlowCenter.Expressions;
using Microsoft.Extensions.Time.Testing;

namespace FlowCenter.Engine.Tests.Expressions;

public sealed class JintExpressionEvaluatorTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));
    private readonly JintExpressionEvaluator _sut;

    public JintExpressionEvaluatorTests() =>
        _sut = new JintExpressionEvaluator(new JavaScriptOptions { MaxStatements = 10_000, TimeLimit = TimeSpan.FromSeconds(1), MaxRecursionDepth = 50, MemoryLimitBytes = 4 * 1024 * 1024 }, _clock);

    public void Dispose() => _sut.Dispose();

    [Fact]
    public void Evaluate_VariablesInputAndLocals_AreVisible()
    {
        var scope = new TestScope { Variables = { ["order"] = JsonNode.Parse("""{"lines":[{"qty":2,"price":10.5}]}""") }, Input = { ["discount"] = 0.1 } };
        scope.LocalValues["item"] = 3;

        var result = _sut.Evaluate("order.lines[0].qty * order.lines[0].price * (1 - input.discount) + item", ExpressionKind.Value, scope);

        Assert.Equal(21.9, JsonValues.NumberOf(result!), 6);
    }

    [Fact]
    public void Evaluate_Script_AssignmentsAndSetVariableChangeVariables()
    {
        var scope = new TestScope { Variables = { ["order"] = JsonNode.Parse("""{"total":1}"""), ["count"] = 1 } };

        var result = _sut.Evaluate("order.total = 99; count++; setVariable('created', [1, 2]); return 'ok';", ExpressionKind.Script, scope);

        Assert.Equal("ok", result!.GetValue<string>());
        Assert.Equal(99, JsonValues.NumberOf(scope.Variables["order"]!["total"]!));
        Assert.Equal(2, JsonValues.NumberOf(scope.Variables["count"]!));
        Assert.Equal("[1,2]", scope.Variables["created"]!.ToJsonString());
    }

    [Fact]
    public void Evaluate_Helpers_UseTheEngineClock()
    {
        var scope = new TestScope();

        Assert.Equal("2026-11-23T09:30:00.0000000+00:00", _sut.Evaluate("now()", ExpressionKind.Value, scope)!.GetValue<string>());
        Assert.Equal("2026-11-23", _sut.Evaluate("formatDate(new Date(), 'yyyy-MM-dd')", ExpressionKind.Value, scope)!.GetValue<string>());
        Assert.Equal("{\"a\":1}", _sut.Evaluate("JSON.stringify(JSON.parse('{\"a\":1}'))", ExpressionKind.Value, scope)!.GetValue<string>());
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("clr.System.Environment.Exit(1)")]
    public void Evaluate_ClrAccess_IsNotAvailable(string source)
    {
        var error = Assert.Throws<ExpressionException>(() => _sut.Evaluate(source, ExpressionKind.Value, new TestScope()));

        Assert.Contains("is not defined", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("for (;;) {}", "statements")]
    [InlineData("function f() { return f(); } f();", "call depth")]
    [InlineData("var a = []; for (var i = 0; i < 1e9; i++) { a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + i); }", "MiB")]
    public void Evaluate_RunawayScript_StopsWithLimitNamed(string source, string expected)
    {
        var options = new JavaScriptOptions { MaxStatements = expected == "statements" ? 10_000 : 100_000_000, TimeLimit = TimeSpan.FromSeconds(20), MaxRecursionDepth = 50, MemoryLimitBytes = 4 * 1024 * 1024 };
        using var evaluator = new JintExpressionEvaluator(options, _clock);

        var error = Assert.Throws<ExpressionException>(() => evaluator.Evaluate(source, ExpressionKind.Script, new TestScope()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("var a = {}; for (var i = 0; i < 20000; i++) { a = { x: a }; } return a;", "nested deeper than 64")]
    [InlineData("var a = []; for (var i = 0; i < 20000; i++) { a = [a]; } return a;", "nested deeper than 64")]
    [InlineData("var a = {}; a.self = a; return a;", "refers to itself")]
    public void Evaluate_ResultTooDeepOrCyclic_IsAClearError_NotAStackOverflow(string source, string expected)
    {
        using var evaluator = new JintExpressionEvaluator(new JavaScriptOptions { MaxStatements = 1_000_000 }, _clock);

        var error = Assert.Throws<ExpressionException>(() => evaluator.Evaluate(source, ExpressionKind.Script, new TestScope()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_InstanceId_IsTheCasesId()
    {
        Assert.Equal("PO-i-1", _sut.Evaluate("'PO-' + instanceId()", ExpressionKind.Value, new TestScope())!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_TimeLimit_StopsABusyLoop()
    {
        using var evaluator = new JintExpressionEvaluator(new JavaScriptOptions { MaxStatements = int.MaxValue, TimeLimit = TimeSpan.FromMilliseconds(200) }, TimeProvider.System);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<ExpressionException>(() => evaluator.Evaluate("while (true) {}", ExpressionKind.Script, new TestScope()));

        Assert.Contains("0.2 s", error.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
    }

    [Fact]
    public void Evaluate_VariablesOfOneInstance_DoNotLeakIntoTheNext()
    {
        var first = new TestScope { Variables = { ["secret"] = "s3" } };
        Assert.Equal("s3", _sut.Evaluate("secret", ExpressionKind.Value, first)!.GetValue<string>());

        var error = Assert.Throws<ExpressionException>(() => _sut.Evaluate("secret", ExpressionKind.Value, new TestScope()));

        Assert.Contains("secret is not defined", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SameSourceManyTimes_IsParsedOnce()
    {
        for (var i = 0; i < 50; i++)
        {
            var scope = new TestScope { Variables = { ["n"] = i } };
            Assert.Equal(i * 2, JsonValues.NumberOf(_sut.Evaluate("n * 2", ExpressionKind.Value, scope)!));
        }

        Assert.Equal(1, _sut.CachedScripts);
    }

    [Fact]
    public void Evaluate_VariableNamedLikeAHelper_DoesNotBreakTheHelperForLaterEvaluations()
    {
        var scope = new TestScope { Variables = { ["now"] = "shadow", ["JSON"] = 1 } };

        Assert.Equal("shadow", _sut.Evaluate("getVariable('now')", ExpressionKind.Value, scope)!.GetValue<string>());

        Assert.StartsWith("2026-11-23", _sut.Evaluate("now()", ExpressionKind.Value, new TestScope())!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("[1]", _sut.Evaluate("JSON.stringify([1])", ExpressionKind.Value, new TestScope())!.GetValue<string>());
    }

    [Fact]
    public void CheckSyntax_BadSource_GivesLineAndColumn()
    {
        Assert.Null(_sut.CheckSyntax("a + b", ExpressionKind.Value));
        var error = _sut.CheckSyntax("let x = 1;\nx = ((2;", ExpressionKind.Script);

        Assert.NotNull(error);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
    }

    private sealed class TestScope : IExpressionScope
    {
        public Dictionary<string, JsonNode?> LocalValues { get; } = [];

        public string InstanceId => "i-1";

        public string NodeId => "n-1";

        public DateTimeOffset Now => new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

        public Dictionary<string, JsonNode?> Variables { get; } = [];

        public Dictionary<string, JsonNode?> Input { get; } = [];

        IReadOnlyDictionary<string, JsonNode?> IExpressionScope.Variables => Variables;

        IReadOnlyDictionary<string, JsonNode?> IExpressionScope.Input => Input;

        public IEnumerable<KeyValuePair<string, JsonNode?>> Locals => LocalValues;

        public JsonNode? LastError => null;

        public void SetVariable(string name, JsonNode? value) => Variables[name] = value;
    }
}
