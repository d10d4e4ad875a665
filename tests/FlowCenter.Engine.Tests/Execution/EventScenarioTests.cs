using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;
using FlowCenter.Engine.Tests.TestSupport;
using FlowCenter.Engine.Validation;

namespace FlowCenter.Engine.Tests.Execution;

/// <summary>Events a waiting step listens for, events a step publishes, and leaving a loop.</summary>
public sealed class EventScenarioTests : IDisposable
{
    private readonly EngineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static EventListenerSettings Listener(string eventName, string port, bool interrupting = true, string? key = null, string? variable = null) => new()
    {
        Event = eventName,
        Port = port,
        Interrupting = interrupting,
        CorrelationKey = key is null ? null : WorkflowExpression.Js(key),
        ResultVariable = variable,
    };

    [Fact]
    public async Task InterruptingListener_OnATask_EndsTheWaitThroughItsPort_WithThePayload()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("approve", "UserTask").Node("ok", "End").Node("withdrawn", "End")
            .Configure("approve", n => n.Events = [Listener("order.cancelled", "cancelled", key: "input.orderId", variable: "why")])
            .Connect("start", "approve").Connect("approve", "ok", "approve").Connect("approve", "withdrawn", "cancelled").Build();
        var instance = await _harness.RunAsync(definition, new { orderId = "SO-42" });
        var listener = instance.Bookmark("approve", BookmarkKind.EventListener);
        Assert.Equal(("order.cancelled", "SO-42"), (listener.Name, listener.CorrelationKey));

        Assert.Equal(0, await _harness.Host.PublishEventAsync("order.cancelled", "SO-41"));
        Assert.Equal(1, await _harness.Host.PublishEventAsync("order.cancelled", "SO-42", JsonNode.Parse("""{"reason":"customer"}""")));

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Empty(instance.Bookmarks);
        Assert.Equal("customer", instance.Variables["why"]!["reason"]!.GetValue<string>());
        Assert.Equal(["start", "approve", "withdrawn"], instance.CompletedPath());
        Assert.Equal("cancelled", instance.Journal.Single(e => e.NodeId == "approve").Outcome);
    }

    [Fact]
    public async Task NonInterruptingListener_RunsItsPathEachTime_AndTheWaitGoesOn()
    {
        var definition = new WorkflowBuilder()
            .Variable("asked", DataType.Number, 0)
            .Node("start", "Start").Node("approve", "UserTask").Node("ok", "End").Node("note", "SetVariable", ("name", "asked"), ("value", new Js("asked + 1")))
            .Configure("approve", n => n.Events = [Listener("customer.asked", "asked", interrupting: false)])
            .Connect("start", "approve").Connect("approve", "ok", "approve").Connect("approve", "note", "asked").Build();
        var instance = await _harness.RunAsync(definition);

        await _harness.Host.PublishEventAsync("customer.asked", null);
        await _harness.Host.PublishEventAsync("customer.asked", null);

        Assert.Equal(2, instance.Number("asked"));
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);
        Assert.Single(instance.Bookmarks, b => b.Kind == BookmarkKind.EventListener);
        await _harness.Host.ResumeAsync(instance.Id, instance.Bookmark("approve", BookmarkKind.UserTask).Id, JsonNode.Parse("""{"outcome":"approve"}"""));
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(2, instance.Journal.Count(e => e.NodeId == "approve" && e.Outcome == "asked"));
    }

    [Fact]
    public async Task WaitWithListenerAndTimeout_TheFirstThatComesWins()
    {
        // An event-based gateway: payment, cancellation or three days, whichever comes first.
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("paid", "WaitEvent", ("eventName", "paid")).Node("ship", "End").Node("stop", "End").Node("remind", "End")
            .Configure("paid", n => { n.Events = [Listener("cancelled", "cancelled")]; n.Timeout = "P3D"; })
            .Connect("start", "paid").Connect("paid", "ship").Connect("paid", "stop", "cancelled").Connect("paid", "remind", "timeout").Build();

        var cancelled = await _harness.RunAsync(definition);
        await _harness.Host.PublishEventAsync("cancelled", null);
        Assert.Equal(["start", "paid", "stop"], cancelled.CompletedPath());

        var late = await _harness.Host.StartAsync(definition.Id);
        _harness.Clock.Advance(TimeSpan.FromDays(3));
        await _harness.Host.FireDueTimersAsync();
        Assert.Equal(["start", "paid", "remind"], late.CompletedPath());
        Assert.Empty(late.Bookmarks);
        Assert.Equal(0, await _harness.Host.PublishEventAsync("cancelled", null));
    }

    [Fact]
    public async Task PublishEvent_ResumesTheWaitingCase_AfterItsBurst_AndTellsThePublisher()
    {
        var waiter = new WorkflowBuilder("waiter")
            .Node("start", "Start").Node("wait", "WaitEvent", ("eventName", "order.shipped"), ("correlationKey", "SO-7"), ("resultVariable", "shipment")).Node("end", "End")
            .Chain("start", "wait", "end").Build();
        var shipper = new WorkflowBuilder("shipper")
            .Node("start", "Start")
            .Node("tell", "PublishEvent", ("eventName", "order.shipped"), ("correlationKey", new Js("input.order")), ("payload", new Js("({ carrier: 'SF', order: input.order })")), ("resultVariable", "told"))
            .Node("end", "End").Chain("start", "tell", "end").Build();
        var waiting = await _harness.RunAsync(waiter);
        _harness.Host.Register(shipper);

        var publisher = await _harness.Host.StartAsync("shipper", new FlowCenter.Engine.Execution.StartOptions { Input = EngineHarness.ToInput(new { order = "SO-7" }) });

        Assert.Equal(WorkflowStatus.Completed, waiting.Status);
        Assert.Equal("SF", waiting.Variables["shipment"]!["carrier"]!.GetValue<string>());
        Assert.Equal(WorkflowStatus.Completed, publisher.Status);
        Assert.Equal(1, publisher.Variables["told"]!["resumed"]!.GetValue<int>());
    }

    [Fact]
    public async Task Break_InASequentialLoop_SkipsTheRestAndGoesOnAfterTheLoop()
    {
        var definition = new WorkflowBuilder()
            .Variable("sum", DataType.Number, 0)
            .Node("start", "Start").Node("loop", "ForEach", ("items", new JsonArray(1, 2, 3, 4)))
            .Node("check", "Decision").Node("leave", "Break").Node("add", "SetVariable", ("name", "sum"), ("value", new Js("sum + item"))).Node("after", "SetVariable", ("name", "after"), ("value", true))
            .Connect("start", "loop").Connect("loop", "check", "iterate").Connect("check", "leave", "stop", "item == 3").Connect("check", "add", "default")
            .Connect("loop", "after").Build();

        var instance = await _harness.RunAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(3, instance.Number("sum"));
        Assert.True(instance.Variables["after"]!.GetValue<bool>());
        Assert.Equal("break", instance.Journal.Single(e => e.NodeId == "leave").Outcome);
        Assert.Equal("done", instance.Journal.Single(e => e.NodeId == "loop").Outcome);
        Assert.Empty(instance.Scopes);
    }

    [Fact]
    public async Task Break_InAParallelLoop_CancelsTheOtherIterationsWaits()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("loop", "ForEach", ("items", new JsonArray("a", "b", "c")), ("parallel", true))
            .Node("wait", "WaitEvent", ("eventName", "found"), ("correlationKey", new Js("item"))).Node("leave", "Break").Node("end", "End")
            .Connect("start", "loop").Connect("loop", "wait", "iterate").Connect("wait", "leave").Connect("loop", "end").Build();
        var instance = await _harness.RunAsync(definition);
        Assert.Equal(3, instance.Bookmarks.Count);

        await _harness.Host.PublishEventAsync("found", "b");

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Empty(instance.Bookmarks);
        Assert.Equal(2, instance.Journal.Count(e => e.NodeId == "wait" && e.Status == JournalStatus.Cancelled));
    }

    [Fact]
    public async Task Break_OutsideALoop_IsAnIncident()
    {
        var definition = new WorkflowBuilder().Node("start", "Start").Node("leave", "Break").Chain("start", "leave").Build();

        var instance = await _harness.RunAsync(definition);

        Assert.NotEqual(WorkflowStatus.Completed, instance.Status);
        Assert.Contains("not inside a loop", instance.Incidents.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Listeners_OnAStepThatDoesNotWait_OrOnATakenPort_AreErrors()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("set", "SetVariable", ("name", "x"), ("value", 1)).Node("wait", "WaitEvent", ("eventName", "go")).Node("end", "End")
            .Configure("set", n => n.Events = [Listener("stop", "stopped")])
            .Configure("wait", n => n.Events = [Listener("stop", "timeout"), Listener("", "later"), Listener("x", "later")])
            .Chain("start", "set", "wait", "end").Build();

        var problems = _harness.Engine.Validator.Validate(definition);

        Assert.Contains(problems, p => p.NodeId == "set" && p.Arguments[0] == "noWait");
        Assert.Contains(problems, p => p.NodeId == "wait" && p.Arguments[0] == "listenerPortTaken" && p.Arguments[2] == "timeout");
        Assert.Contains(problems, p => p.NodeId == "wait" && p.Arguments[0] == "listenerEvent");
        Assert.Contains(problems, p => p.NodeId == "wait" && p.Arguments[0] == "listenerPortTaken" && p.Arguments[2] == "later");
        Assert.All(problems.Where(p => p.Arguments.Count > 0 && p.Arguments[0].StartsWith("listener", StringComparison.Ordinal)), p => Assert.Equal(ProblemSeverity.Error, p.Severity));
    }

    [Fact]
    public async Task CaseEvent_Interrupting_EndsWhateverTheCaseIsAt_AndRunsItsPath()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("approve", "UserTask").Node("ship", "UserTask").Node("end", "End")
            .Node("cancelled", "CaseEvent", ("eventName", "order.cancelled"), ("correlationKey", new Js("input.order")), ("resultVariable", "why"))
            .Node("refund", "SetVariable", ("name", "refunded"), ("value", true))
            .Chain("start", "approve").Connect("approve", "ship", "approve").Connect("ship", "end", "approve").Chain("cancelled", "refund").Build();
        Assert.DoesNotContain(_harness.Engine.Validator.Validate(definition), p => p.Severity == ProblemSeverity.Error);
        var instance = await _harness.RunAsync(definition, new { order = "SO-5" });
        Assert.Equal(2, instance.Bookmarks.Count); // the approval and the case's wait for a cancellation

        await _harness.Host.ResumeAsync(instance.Id, instance.Bookmark("approve").Id, JsonNode.Parse("""{"outcome":"approve"}"""));
        Assert.Equal(1, await _harness.Host.PublishEventAsync("order.cancelled", "SO-5", JsonNode.Parse("""{"reason":"late"}""")));

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.True(instance.Variables["refunded"]!.GetValue<bool>());
        Assert.Equal("late", instance.Variables["why"]!["reason"]!.GetValue<string>());
        Assert.Equal(JournalStatus.Cancelled, instance.Journal.Single(e => e.NodeId == "ship").Status);
        Assert.Equal(JournalStatus.Completed, instance.Journal.Single(e => e.NodeId == "cancelled").Status);
        Assert.Empty(instance.Bookmarks);
    }

    [Fact]
    public async Task CaseEvent_NotInterrupting_RunsBesideTheCaseEachTime_AndTheCaseEndsWithoutIt()
    {
        var definition = new WorkflowBuilder()
            .Variable("asked", DataType.Number, 0)
            .Node("start", "Start").Node("approve", "UserTask").Node("end", "End")
            .Node("question", "CaseEvent", ("eventName", "customer.asked"), ("interrupting", false))
            .Node("count", "SetVariable", ("name", "asked"), ("value", new Js("asked + 1")))
            .Connect("start", "approve").Connect("approve", "end", "approve").Chain("question", "count").Build();
        var instance = await _harness.RunAsync(definition);

        await _harness.Host.PublishEventAsync("customer.asked", null);
        await _harness.Host.PublishEventAsync("customer.asked", null);
        Assert.Equal(2, instance.Number("asked"));
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);

        await _harness.Host.ResumeAsync(instance.Id, instance.Bookmark("approve").Id, JsonNode.Parse("""{"outcome":"approve"}"""));
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Empty(instance.Bookmarks);
        Assert.Equal(0, await _harness.Host.PublishEventAsync("customer.asked", null));
        // The journal has the two questions heard, not the wait for a third that never came (no stuck step for the operators).
        Assert.Equal(2, instance.Journal.Count(e => e.NodeId == "question"));
        Assert.All(instance.Journal, e => Assert.Equal(JournalStatus.Completed, e.Status));
    }

    [Fact]
    public async Task CaseEvent_AfterATime_RunsOnceIfTheCaseStillRuns()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("approve", "UserTask").Node("end", "End")
            .Node("slow", "CaseEvent", ("after", "P2D"), ("interrupting", false)).Node("nudge", "SetVariable", ("name", "nudged"), ("value", true))
            .Connect("start", "approve").Connect("approve", "end", "approve").Chain("slow", "nudge").Build();
        var instance = await _harness.RunAsync(definition);

        _harness.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await _harness.Host.FireDueTimersAsync());
        Assert.True(instance.Variables["nudged"]!.GetValue<bool>());
        Assert.Single(instance.Bookmarks); // the approval; the time came once
    }

    [Fact]
    public void CaseEvent_WithAPathIntoIt_OrNeitherEventNorTime_IsAnError()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("both", "CaseEvent").Node("end", "End").Chain("start", "both", "end").Build();

        var problems = _harness.Engine.Validator.Validate(definition);

        Assert.Contains(problems, p => p.NodeId == "both" && p.Arguments[0] == "caseEventWhat");
        Assert.Contains(problems, p => p.NodeId == "both" && p.Arguments[0] == "caseEventIncoming");
    }
}
