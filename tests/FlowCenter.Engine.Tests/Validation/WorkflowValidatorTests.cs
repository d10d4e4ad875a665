using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Tests.TestSupport;
using FlowCenter.Engine.Validation;

namespace FlowCenter.Engine.Tests.Validation;

public sealed class WorkflowValidatorTests : IDisposable
{
    private readonly EngineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Validate_BrokenDefinition_ReportsEveryProblemWithItsPlace()
    {
        var definition = new WorkflowBuilder()
            .Node("a", "SetVariable", ("value", 1))
            .Node("b", "Teleport")
            .Node("c", "Delay", ("duration", 12.5), ("colour", "red"))
            .Node("c", "End")
            .Node("d", "Script", ("script", "return ((;"))
            .Node("e", "Decision")
            .Node("f", "Delay", ("duration", true))
            .Connect("a", "ghost")
            .Connect("e", "a", "nope")
            .Connect("d", "e", "sideways")
            .Connect("e", "f", "x", "1 +* 2")
            .Build();

        var problems = _harness.Engine.Validator.Validate(definition);

        Assert.Contains(problems, p => p.Code == ProblemCodes.NoStartNode);
        Assert.Contains(problems, p => p.Code == ProblemCodes.MissingInput && p.NodeId == "a");
        Assert.Contains(problems, p => p.Code == ProblemCodes.UnknownActivity && p.NodeId == "b");
        Assert.Contains(problems, p => p.Code == ProblemCodes.UnknownInput && p.NodeId == "c" && p.Message.Contains("colour", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Code == ProblemCodes.DuplicateId && p.NodeId == "c");
        Assert.Contains(problems, p => p.Code == ProblemCodes.ExpressionSyntax && p.NodeId == "d");
        Assert.Contains(problems, p => p.Code == ProblemCodes.WrongInputType && p.NodeId == "f");
        Assert.Contains(problems, p => p.Code == ProblemCodes.DanglingConnection && p.ConnectionId == "c1");
        Assert.Contains(problems, p => p.Code == ProblemCodes.MissingCondition && p.ConnectionId == "c2");
        Assert.Contains(problems, p => p.Code == ProblemCodes.UnknownPort && p.ConnectionId == "c3");
        Assert.Contains(problems, p => p.Code == ProblemCodes.ExpressionSyntax && p.ConnectionId == "c4");
    }

    [Fact]
    public void Validate_UnreachableNodeAndDuplicateConnection_AreReported()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("a", "End").Node("island", "End").Connect("start", "a").Build();
        definition.Connections.Add(new ConnectionDefinition { Id = "c1", Source = "start", Target = "a" });

        var problems = _harness.Engine.Validator.Validate(definition);

        Assert.Contains(problems, p => p.Code == ProblemCodes.UnreachableNode && p.NodeId == "island");
        Assert.Contains(problems, p => p.Code == ProblemCodes.DuplicateId && p.ConnectionId == "c1");
    }

    [Fact]
    public void Prepare_InvalidDefinition_IsNeverRun()
    {
        var definition = new WorkflowBuilder().Node("start", "Start").Node("x", "Nope").Connect("start", "x").Build();

        var error = Assert.Throws<WorkflowValidationException>(() => _harness.Engine.Prepare(definition));

        Assert.Contains("Nope", error.Message, StringComparison.Ordinal);
        Assert.Single(error.Problems, p => p.Severity == ProblemSeverity.Error);
    }

    [Fact]
    public void Validate_WaitingSettingsOnNonWaitingNode_AreErrors()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("set", "SetVariable", ("name", "x"), ("value", 1)).Node("task", "UserTask")
            .Configure("set", n => n.Timeout = "PT1H")
            .Configure("task", n => { n.Timeout = "soon"; n.Retry = new RetryPolicy { MaxAttempts = 0 }; })
            .Chain("start", "set", "task").Build();

        var problems = _harness.Engine.Validator.Validate(definition);

        Assert.Contains(problems, p => p.NodeId == "set" && p.Message.Contains("cannot have a timeout", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.NodeId == "task" && p.Message.Contains("\"soon\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.NodeId == "task" && p.Message.Contains("maxAttempts", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_JoinModeAndCronAndSwitchCases_AreChecked()
    {
        var definition = new WorkflowBuilder()
            .Node("cron", "Cron", ("cron", "61 * * * *"))
            .Node("switch", "Switch", ("cases", JsonNode.Parse("""[{"name":"a","condition":"x >"},{"name":"a","condition":"true"}]""")))
            .Node("join", "Join", ("mode", "most"))
            .Connect("cron", "switch").Connect("switch", "join", "a").Connect("switch", "join", "default").Build();

        var problems = _harness.Engine.Validator.Validate(definition);

        Assert.Contains(problems, p => p.NodeId == "cron" && p.Message.Contains("minute", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.NodeId == "switch" && p.Code == ProblemCodes.ExpressionSyntax);
        Assert.Contains(problems, p => p.NodeId == "switch" && p.Code == ProblemCodes.DuplicateId);
        Assert.Contains(problems, p => p.NodeId == "join" && p.Message.Contains("most", StringComparison.Ordinal));
    }
}
