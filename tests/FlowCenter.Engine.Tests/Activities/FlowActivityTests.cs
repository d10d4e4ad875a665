using FlowCenter.Engine.Definitions;
using System.Text.Json.Nodes;
using FlowCenter.Engine.State;
using FlowCenter.Engine.Tests.TestSupport;

namespace FlowCenter.Engine.Tests.Activities;

public sealed class FlowActivityTests : IDisposable
{
    private readonly EngineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task StartEnd_StraightLine_CompletesWithOutputs()
    {
        var definition = new WorkflowBuilder()
            .Variable("greeting").Output("greeting")
            .Node("start", "Start").Node("set", "SetVariable", ("name", "greeting"), ("value", new Js("'hello ' + input.who"))).Node("end", "End")
            .Chain("start", "set", "end").Build();

        var instance = await _harness.RunAsync(definition, new { who = "Li Lei" });

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal("hello Li Lei", instance.Output["greeting"]!.GetValue<string>());
        Assert.Equal(["start", "set", "end"], instance.CompletedPath());
    }

    [Theory]
    [InlineData(500, "small")]
    [InlineData(5000, "medium")]
    [InlineData(50000, "large")]
    public async Task Decision_FirstTrueConditionInOrder_IsTaken(int amount, string expected)
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("decide", "Decision")
            .Node("small", "End").Node("medium", "End").Node("large", "End")
            .Connect("start", "decide")
            .Connect("decide", "small", "small", "input.amount < 1000")
            .Connect("decide", "medium", "medium", "input.amount < 10000")
            .Connect("decide", "large", "default")
            .Build();

        var instance = await _harness.RunAsync(definition, new { amount });

        Assert.Contains(expected, instance.CompletedPath());
        Assert.Single(instance.CompletedPath(), n => n is "small" or "medium" or "large");
    }

    [Fact]
    public async Task Decision_NoMatchAndNoDefault_RaisesIncident()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("decide", "Decision").Node("a", "End")
            .Connect("start", "decide").Connect("decide", "a", "yes", "input.x > 1").Build();

        var instance = await _harness.RunAsync(definition, new { x = 0 });

        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("decide", incident.NodeId);
        Assert.Contains("no condition matched", incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switch_ModeAll_TakesEveryTrueCase()
    {
        var cases = JsonNode.Parse("""[{"name":"vip","condition":"input.level > 2"},{"name":"big","condition":"input.amount > 100"},{"name":"eu","condition":"input.region == 'eu'"}]""");
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("switch", "Switch", ("cases", cases), ("mode", "all"))
            .Node("vip", "End").Node("big", "End").Node("eu", "End").Node("other", "End")
            .Connect("start", "switch").Connect("switch", "vip", "vip").Connect("switch", "big", "big").Connect("switch", "eu", "eu").Connect("switch", "other", "default")
            .Build();

        var instance = await _harness.RunAsync(definition, new { level = 3, amount = 500, region = "cn" });

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(["big", "vip"], instance.CompletedPath().Where(n => n is "vip" or "big" or "eu" or "other").Order());
    }

    [Fact]
    public async Task Switch_NoCaseTrue_TakesDefault()
    {
        var cases = JsonNode.Parse("""[{"name":"vip","condition":"input.level > 2"}]""");
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("switch", "Switch", ("cases", cases)).Node("vip", "End").Node("other", "End")
            .Connect("start", "switch").Connect("switch", "vip", "vip").Connect("switch", "other", "default").Build();

        var instance = await _harness.RunAsync(definition, new { level = 1 });

        Assert.Contains("other", instance.CompletedPath());
        Assert.DoesNotContain("vip", instance.CompletedPath());
    }

    [Fact]
    public async Task ForkJoinAll_TwoBranches_JoinRunsOnceAfterBoth()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("fork", "Fork").Node("a", "SetVariable", ("name", "a"), ("value", 1)).Node("b", "SetVariable", ("name", "b"), ("value", 2))
            .Node("join", "Join").Node("sum", "SetVariable", ("name", "sum"), ("value", new Js("a + b"))).Node("end", "End")
            .Connect("start", "fork").Connect("fork", "a", "left").Connect("fork", "b", "right").Connect("a", "join").Connect("b", "join").Chain("join", "sum", "end")
            .Build();

        var instance = await _harness.RunAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(3, instance.Number("sum"));
        Assert.Equal(1, instance.Executions("join"));
    }

    [Fact]
    public async Task JoinAny_SecondBranchArrivesLater_EndsAtJoinWithoutSecondFiring()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("fork", "Fork").Node("fast", "SetVariable", ("name", "x"), ("value", 1))
            .Node("slow", "WaitEvent", ("eventName", "slow")).Node("join", "Join", ("mode", "any")).Node("after", "SetVariable", ("name", "count"), ("value", new Js("(count || 0) + 1")))
            .Variable("count")
            .Connect("start", "fork").Connect("fork", "fast", "a").Connect("fork", "slow", "b").Connect("fast", "join").Connect("slow", "join").Connect("join", "after")
            .Build();

        var instance = await _harness.RunAsync(definition);
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);
        Assert.Equal(1, instance.Number("count"));

        await _harness.Host.PublishEventAsync("slow", null);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(1, instance.Number("count"));
    }

    [Fact]
    public async Task JoinAny_InsideLoop_LatePathsOfEarlierRoundsEndAtTheJoin()
    {
        var definition = new WorkflowBuilder()
            .Variable("rounds", DataType.Number, 0)
            .Node("start", "Start").Node("fork", "Fork").Node("fast", "SetVariable", ("name", "x"), ("value", 1))
            .Node("slow", "WaitEvent", ("eventName", "slow"), ("correlationKey", new Js("String(rounds)")))
            .Node("join", "Join", ("mode", "any")).Node("count", "SetVariable", ("name", "rounds"), ("value", new Js("rounds + 1")))
            .Node("again", "Decision").Node("end", "End")
            .Connect("start", "fork").Connect("fork", "slow", "b").Connect("fork", "fast", "a").Connect("fast", "join").Connect("slow", "join")
            .Connect("join", "count").Connect("count", "again").Connect("again", "fork", "more", "rounds < 2").Connect("again", "end", "default")
            .Build();

        var instance = await _harness.RunAsync(definition);
        Assert.Equal(2, instance.Number("rounds"));
        Assert.Equal(2, instance.Bookmarks.Count);

        await _harness.Host.PublishEventAsync("slow", "0");
        await _harness.Host.PublishEventAsync("slow", "1");

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(2, instance.Executions("join"));
        Assert.Equal(2, instance.Number("rounds"));
    }

    [Fact]
    public async Task JoinAnyCancelRemaining_CancelsTheWaitingBranch()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("fork", "Fork").Node("fast", "SetVariable", ("name", "x"), ("value", 1))
            .Node("slow", "UserTask").Node("join", "Join", ("mode", "any"), ("cancelRemaining", true)).Node("end", "End")
            .Connect("start", "fork").Connect("fork", "slow", "b").Connect("fork", "fast", "a").Connect("fast", "join").Connect("slow", "join", "approve").Connect("join", "end")
            .Build();

        var instance = await _harness.RunAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Empty(instance.Bookmarks);
        Assert.Equal(JournalStatus.Cancelled, instance.Journal.Single(e => e.NodeId == "slow").Status);
    }

    [Fact]
    public async Task JoinCount_TwoOfThree_FiresAfterSecondArrival()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("fork", "Fork")
            .Node("a", "WaitEvent", ("eventName", "a")).Node("b", "WaitEvent", ("eventName", "b")).Node("c", "WaitEvent", ("eventName", "c"))
            .Node("join", "Join", ("mode", "count"), ("count", 2)).Node("end", "End")
            .Connect("start", "fork").Connect("fork", "a", "a").Connect("fork", "b", "b").Connect("fork", "c", "c")
            .Connect("a", "join").Connect("b", "join").Connect("c", "join").Connect("join", "end")
            .Build();

        var instance = await _harness.RunAsync(definition);
        await _harness.Host.PublishEventAsync("c", null);
        Assert.Equal(0, instance.Executions("join"));

        await _harness.Host.PublishEventAsync("a", null);
        Assert.Equal(1, instance.Executions("join"));
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);

        await _harness.Host.PublishEventAsync("b", null);
        Assert.Equal(1, instance.Executions("join"));
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task Terminate_WithBranchWaiting_CompletesAndCancelsEverything()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("fork", "Fork").Node("wait", "UserTask").Node("stop", "Terminate")
            .Connect("start", "fork").Connect("fork", "wait", "a").Connect("fork", "stop", "b").Build();

        var instance = await _harness.RunAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Empty(instance.Bookmarks);
        Assert.Empty(instance.Tokens);
    }

    [Fact]
    public async Task Fail_WithoutErrorPort_IncidentCarriesMessage()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("boom", "Fail", ("message", new Js("'order ' + input.id + ' has no customer'"))).Chain("start", "boom").Build();

        var instance = await _harness.RunAsync(definition, new { id = 42 });

        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("boom", incident.NodeId);
        Assert.Contains("order 42 has no customer", incident.Message, StringComparison.Ordinal);
        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
    }
}
