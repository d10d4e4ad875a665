using FlowCenter.Engine.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.State;
using FlowCenter.Engine.Tests.TestSupport;

namespace FlowCenter.Engine.Tests.Activities;

public sealed class WaitingActivityTests : IDisposable
{
    private readonly EngineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Delay_OnFakeClock_FiresOnlyWhenDue()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("wait", "Delay", ("duration", "PT10M")).Node("end", "End").Chain("start", "wait", "end").Build();
        var instance = await _harness.RunAsync(definition);
        Assert.Equal(EngineHarness.Epoch.AddMinutes(10), instance.Bookmark("wait").DueAt);

        _harness.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await _harness.Host.FireDueTimersAsync());
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);

        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _harness.Host.FireDueTimersAsync());
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(TimeSpan.FromMinutes(10), instance.Journal.Single(e => e.NodeId == "wait").Duration);
    }

    [Fact]
    public async Task Timer_InThePast_ContinuesAtOnce()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("at", "Timer", ("at", new Js("input.when"))).Node("end", "End").Chain("start", "at", "end").Build();

        var past = await _harness.RunAsync(definition, new { when = "2026-01-01T00:00:00Z" });
        var future = await _harness.Host.StartAsync("test", new StartOptions { Input = EngineHarness.ToInput(new { when = "2026-12-24T18:00:00+08:00" }) });

        Assert.Equal(WorkflowStatus.Completed, past.Status);
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero), future.Bookmark("at").DueAt);
    }

    [Fact]
    public async Task Cron_AsTrigger_StartsThere()
    {
        var definition = new WorkflowBuilder()
            .Node("nightly", "Cron", ("cron", "0 2 * * *")).Node("set", "SetVariable", ("name", "ran"), ("value", true)).Chain("nightly", "set").Build();

        var instance = await _harness.RunAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(["nightly", "set"], instance.CompletedPath());
    }

    [Fact]
    public async Task WaitEvent_TwoInstancesDifferentKeys_EachResumedByItsOwnKey()
    {
        var definition = new WorkflowBuilder()
            .Variable("produced")
            .Node("start", "Start").Node("wait", "WaitEvent", ("eventName", "mes.produced"), ("correlationKey", new Js("input.order")), ("resultVariable", "produced"))
            .Node("end", "End").Chain("start", "wait", "end").Build();
        var first = await _harness.RunAsync(definition, new { order = "SO-1" });
        var second = await _harness.Host.StartAsync("test", new StartOptions { Input = EngineHarness.ToInput(new { order = "SO-2" }) });

        var resumed = await _harness.Host.PublishEventAsync("mes.produced", "SO-2", JsonNode.Parse("""{"qty": 40}"""));

        Assert.Equal(1, resumed);
        Assert.Equal(WorkflowStatus.Waiting, first.Status);
        Assert.Equal(WorkflowStatus.Completed, second.Status);
        Assert.Equal(40, JsonValues.NumberOf(second.Variables["produced"]!["qty"]!));
        Assert.Equal(0, await _harness.Host.PublishEventAsync("mes.produced", "SO-3"));
    }

    [Fact]
    public async Task UserTask_ResumedWithOutcome_TakesThatPortAndStoresAnswer()
    {
        var definition = new WorkflowBuilder()
            .Variable("answer")
            .Node("start", "Start").Node("approve", "UserTask", ("title", new Js("'Approve ' + input.po")), ("assignee", "wang.fang"), ("resultVariable", "answer"))
            .Node("ok", "End").Node("no", "End")
            .Connect("start", "approve").Connect("approve", "ok", "approve").Connect("approve", "no", "reject").Build();
        var instance = await _harness.RunAsync(definition, new { po = "PO-7" });
        var task = instance.Bookmark("approve");
        Assert.Equal("Approve PO-7", task.Data!["title"]!.GetValue<string>());
        Assert.Equal("wang.fang", task.Data!["assignee"]![0]!.GetValue<string>());

        await _harness.Host.ResumeAsync(instance.Id, task.Id, JsonNode.Parse("""{"outcome": "reject", "user": "wang.fang", "data": {"comment": "too expensive"}}"""));

        Assert.Equal(["start", "approve", "no"], instance.CompletedPath());
        Assert.Equal("too expensive", instance.Variables["answer"]!["data"]!["comment"]!.GetValue<string>());
    }

    [Fact]
    public async Task UserTask_UnknownOutcome_IsRejectedAndTaskStaysOpen()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("approve", "UserTask").Node("end", "End").Chain("start", "approve").Connect("approve", "end", "approve").Build();
        var instance = await _harness.RunAsync(definition);
        var task = instance.Bookmark("approve");

        var error = await Assert.ThrowsAsync<ResumeRejectedException>(() => _harness.Host.ResumeAsync(instance.Id, task.Id, JsonNode.Parse("""{"outcome": "maybe"}""")));

        Assert.Contains("maybe", error.Message, StringComparison.Ordinal);
        Assert.Contains(instance.Bookmarks, b => b.Id == task.Id);
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);
    }
}
