using System.Text.Json.Nodes;
using FlowCenter.Engine.State;
using FlowCenter.Engine.Tests.TestSupport;

namespace FlowCenter.Engine.Tests.Activities;

public sealed class LoopActivityTests : IDisposable
{
    private readonly EngineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task ForEach_Sequential_SeesEachItemInOrder()
    {
        var definition = new WorkflowBuilder()
            .Variable("seen", defaultValue: new JsonArray())
            .Node("start", "Start").Node("loop", "ForEach", ("items", new Js("input.lines")), ("itemVariable", "line"))
            .Node("collect", "Script", ("script", "seen = seen.concat([index + ':' + line.sku]);")).Node("end", "End")
            .Connect("start", "loop").Connect("loop", "collect", "iterate").Connect("loop", "end", "done")
            .Build();

        var instance = await _harness.RunAsync(definition, new { lines = new[] { new { sku = "A" }, new { sku = "B" }, new { sku = "C" } } });

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal("""["0:A","1:B","2:C"]""", instance.Variables["seen"]!.ToJsonString());
    }

    [Fact]
    public async Task ForEach_Parallel_AllIterationsWaitAtOnceAndDoneAfterLast()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("loop", "ForEach", ("items", new Js("['x', 'y', 'z']")), ("parallel", true))
            .Node("approve", "WaitEvent", ("eventName", "signed"), ("correlationKey", new Js("item"))).Node("end", "End")
            .Connect("start", "loop").Connect("loop", "approve", "iterate").Connect("loop", "end", "done")
            .Build();

        var instance = await _harness.RunAsync(definition);
        Assert.Equal(3, instance.Bookmarks.Count(b => b.Kind == BookmarkKind.Event));

        await _harness.Host.PublishEventAsync("signed", "y");
        await _harness.Host.PublishEventAsync("signed", "x");
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);

        await _harness.Host.PublishEventAsync("signed", "z");
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(1, instance.Executions("loop"));
    }

    [Fact]
    public async Task ForEach_ParallelIterationsEndingInOneBurst_TheLoopGoesOnOnce_AndTheNextLoopRunsWhole()
    {
        // Both iterations end in the burst that began them: the first one's news already finds the loop done; the
        // second's must not reach the loop's token, which went on to the While (found importing BPMN loops).
        var definition = new WorkflowBuilder()
            .Variable("sum", defaultValue: 0).Variable("count", defaultValue: 0)
            .Node("start", "Start").Node("each", "ForEach", ("items", new Js("[10, 20]")), ("parallel", true))
            .Node("add", "Script", ("script", "sum = sum + item;"))
            .Node("again", "While", ("condition", new Js("count < 3"))).Node("count", "Script", ("script", "count = count + 1;")).Node("end", "End")
            .Connect("start", "each").Connect("each", "add", "iterate").Connect("each", "again", "done")
            .Connect("again", "count", "iterate").Connect("again", "end", "done").Build();
        var instance = await _harness.RunAsync(definition);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal((30d, 3d), (Json.JsonValues.NumberOf(instance.Variables["sum"]!), Json.JsonValues.NumberOf(instance.Variables["count"]!)));
        Assert.Equal((1, 1, 3), (instance.Executions("each"), instance.Executions("again"), instance.Executions("count")));
    }

    [Fact]
    public async Task ForEach_EmptyList_GoesStraightToDone()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("loop", "ForEach", ("items", new JsonArray())).Node("body", "Fail", ("message", "never")).Node("end", "End")
            .Connect("start", "loop").Connect("loop", "body", "iterate").Connect("loop", "end", "done").Build();

        var instance = await _harness.RunAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(0, instance.Executions("body"));
    }

    [Fact]
    public async Task While_CountsUpToLimit_ThenDone()
    {
        var definition = new WorkflowBuilder()
            .Variable("n", defaultValue: 0)
            .Node("start", "Start").Node("loop", "While", ("condition", new Js("n < 5")))
            .Node("inc", "SetVariable", ("name", "n"), ("value", new Js("n + 1"))).Node("end", "End")
            .Connect("start", "loop").Connect("loop", "inc", "iterate").Connect("inc", "loop").Connect("loop", "end", "done")
            .Build();

        var instance = await _harness.RunAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(5, instance.Number("n"));
        Assert.Equal(5, instance.Executions("inc"));
    }

    [Fact]
    public async Task While_NeverEnding_FailsAtMaxIterations()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("loop", "While", ("condition", true), ("maxIterations", 50)).Node("body", "SetVariable", ("name", "x"), ("value", 1))
            .Connect("start", "loop").Connect("loop", "body", "iterate").Build();

        var instance = await _harness.RunAsync(definition);

        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("loop", incident.NodeId);
        Assert.Contains("50", incident.Message, StringComparison.Ordinal);
        Assert.Equal(50, instance.Executions("body"));
    }
}
