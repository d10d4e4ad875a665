using FlowCenter.Engine.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.State;
using FlowCenter.Engine.Tests.TestSupport;

namespace FlowCenter.Engine.Tests.Execution;

public sealed class FlowchartScenarioTests : IDisposable
{
    private readonly EngineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task ForkJoin_InsideDecisionLoop_JoinFiresOncePerRound()
    {
        // start -> fork -> (a, b) -> join -> count -> again? -> fork ... -> end
        var definition = new WorkflowBuilder()
            .Variable("rounds", DataType.Number, 0).Variable("a", DataType.Number, 0).Variable("b", DataType.Number, 0)
            .Node("start", "Start").Node("fork", "Fork")
            .Node("a", "SetVariable", ("name", "a"), ("value", new Js("a + 1"))).Node("b", "SetVariable", ("name", "b"), ("value", new Js("b + 1")))
            .Node("join", "Join").Node("count", "SetVariable", ("name", "rounds"), ("value", new Js("rounds + 1")))
            .Node("again", "Decision").Node("end", "End")
            .Connect("start", "fork").Connect("fork", "a", "a").Connect("fork", "b", "b").Connect("a", "join").Connect("b", "join")
            .Connect("join", "count").Connect("count", "again").Connect("again", "fork", "more", "rounds < 3").Connect("again", "end", "default")
            .Build();

        var instance = await _harness.RunAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(3, instance.Number("rounds"));
        Assert.Equal(3, instance.Executions("join"));
        Assert.Equal(3, instance.Number("a"));
        Assert.Equal(3, instance.Number("b"));
        Assert.Empty(instance.Tokens);
    }

    [Fact]
    public async Task ForkJoin_InsideParallelForEach_EachIterationJoinsItsOwnBranches()
    {
        var definition = new WorkflowBuilder()
            .Variable("done", DataType.Array, new JsonArray())
            .Node("start", "Start").Node("each", "ForEach", ("items", new Js("[1, 2, 3]")), ("parallel", true))
            .Node("fork", "Fork").Node("check", "WaitEvent", ("eventName", "checked"), ("correlationKey", new Js("String(item)"))).Node("pack", "SetVariable", ("name", "p"), ("value", 1))
            .Node("join", "Join").Node("record", "Script", ("script", "done = done.concat([item]);")).Node("end", "End")
            .Connect("start", "each").Connect("each", "fork", "iterate").Connect("each", "end", "done")
            .Connect("fork", "check", "check").Connect("fork", "pack", "pack").Connect("check", "join").Connect("pack", "join").Connect("join", "record")
            .Build();

        var instance = await _harness.RunAsync(definition);
        await _harness.Host.PublishEventAsync("checked", "2");
        Assert.Equal("[2]", instance.Variables["done"]!.ToJsonString());
        await _harness.Host.PublishEventAsync("checked", "3");
        await _harness.Host.PublishEventAsync("checked", "1");

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal("[2,3,1]", instance.Variables["done"]!.ToJsonString());
        Assert.Equal(3, instance.Executions("join"));
    }

    [Fact]
    public async Task InclusiveMerge_OneBranchNotTaken_WaitsOnlyForTakenBranches()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("split", "Inclusive")
            .Node("credit", "WaitEvent", ("eventName", "credit")).Node("stock", "SetVariable", ("name", "stock"), ("value", true)).Node("legal", "WaitEvent", ("eventName", "legal"))
            .Node("merge", "Inclusive").Node("end", "End")
            .Connect("start", "split")
            .Connect("split", "credit", "credit", "input.amount > 1000").Connect("split", "stock", "stock", "true").Connect("split", "legal", "legal", "input.export")
            .Connect("credit", "merge").Connect("stock", "merge").Connect("legal", "merge").Connect("merge", "end")
            .Build();

        var instance = await _harness.RunAsync(definition, new { amount = 5000, export = false });
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);
        Assert.Equal(0, instance.Executions("merge"));
        Assert.DoesNotContain(instance.Bookmarks, b => b.NodeId == "legal");

        await _harness.Host.PublishEventAsync("credit", null);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(1, instance.Executions("merge"));
    }

    [Fact]
    public async Task SubProcess_NestedTwoLevels_MapsInputsAndOutputsBack()
    {
        var grandchild = new WorkflowBuilder("price")
            .Input("qty", DataType.Number, required: true).Variable("total").Output("total")
            .Node("start", "Start").Node("calc", "SetVariable", ("name", "total"), ("value", new Js("input.qty * 12.5")))
            .Chain("start", "calc").Build();
        var child = new WorkflowBuilder("quote")
            .Input("qty", DataType.Number).Variable("total").Variable("approved").Output("total").Output("approved")
            .Node("start", "Start").Node("price", "SubProcess", ("definitionId", "price"), ("input", new Js("({ qty: input.qty })")), ("outputMapping", JsonNode.Parse("""{"total":"total"}""")))
            .Node("ok", "WaitEvent", ("eventName", "quote.ok"), ("correlationKey", new Js("String(input.qty)")), ("resultVariable", "approved"))
            .Chain("start", "price", "ok").Build();
        var parent = new WorkflowBuilder("order")
            .Variable("quote")
            .Node("start", "Start").Node("quote", "SubProcess", ("definitionId", "quote"), ("input", new Js("({ qty: input.qty })")), ("resultVariable", "quote")).Node("end", "End")
            .Chain("start", "quote", "end").Build();
        _harness.Host.Register(grandchild);
        _harness.Host.Register(child);

        var instance = await _harness.RunAsync(parent, new { qty = 4 });
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);
        Assert.Equal(3, _harness.Host.Instances.Count);

        await _harness.Host.PublishEventAsync("quote.ok", "4", JsonValue.Create("yes"));

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(50, JsonValues.NumberOf(instance.Variables["quote"]!["total"]!));
        Assert.Equal("yes", instance.Variables["quote"]!["approved"]!.GetValue<string>());
        Assert.All(_harness.Host.Instances, i => Assert.Equal(WorkflowStatus.Completed, i.Status));
    }

    [Fact]
    public async Task SubProcess_UnknownChild_GoesThroughErrorPort()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("call", "SubProcess", ("definitionId", "missing")).Node("handled", "SetVariable", ("name", "why"), ("value", new Js("lastError.message")))
            .Chain("start", "call").Connect("call", "handled", "error").Build();

        var instance = await _harness.RunAsync(definition);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Contains("missing", instance.Variables["why"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_FailsThreeTimesWithBackoff_ThenErrorPort()
    {
        var definition = new WorkflowBuilder()
            .Variable("attempts", DataType.Number, 0)
            .Node("start", "Start").Node("call", "Script", ("script", "attempts = attempts + 1; throw new Error('ERP is down');"))
            .Node("fallback", "SetVariable", ("name", "route"), ("value", new Js("lastError.nodeId + ' after ' + lastError.attempts")))
            .Configure("call", n => n.Retry = new RetryPolicy { MaxAttempts = 3, Delay = "PT1M", BackoffMultiplier = 2 })
            .Chain("start", "call").Connect("call", "fallback", "error").Build();

        var instance = await _harness.RunAsync(definition);
        Assert.Equal(EngineHarness.Epoch.AddMinutes(1), instance.Bookmark("call", BookmarkKind.Retry).DueAt);
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await _harness.Host.FireDueTimersAsync();
        Assert.Equal(_harness.Clock.GetUtcNow().AddMinutes(2), instance.Bookmark("call", BookmarkKind.Retry).DueAt);
        _harness.Clock.Advance(TimeSpan.FromMinutes(2));
        await _harness.Host.FireDueTimersAsync();

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal("call after 3", instance.Variables["route"]!.GetValue<string>());
        Assert.Equal(3, instance.Journal.Count(e => e.NodeId == "call" && e.Status == JournalStatus.Failed));
        Assert.Empty(instance.Incidents);
    }

    [Fact]
    public async Task Incident_ThenRetryAfterFix_Continues()
    {
        var instance = await _harness.RunAsync(new WorkflowBuilder()
            .Node("start", "Start").Node("post", "Script", ("script", "if (!getVariable('customer')) throw new Error('customer missing'); return 'posted';"), ("resultVariable", "result"))
            .Node("end", "End").Chain("start", "post", "end").Build());
        var incident = Assert.Single(instance.Incidents);
        Assert.Contains("customer missing", incident.Message, StringComparison.Ordinal);
        Assert.Equal(WorkflowStatus.Suspended, instance.Status);

        instance.Variables["customer"] = "C-100";
        await _harness.Host.RetryIncidentAsync(instance.Id, incident.Id);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal("posted", instance.Variables["result"]!.GetValue<string>());
        Assert.Equal("retried", incident.Resolution);
    }

    [Fact]
    public async Task Incident_Skip_LeavesThroughChosenPort()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("bad", "Fail", ("message", "cannot")).Node("end", "End").Chain("start", "bad", "end").Build();
        var instance = await _harness.RunAsync(definition);

        await _harness.Host.SkipIncidentAsync(instance.Id, instance.Incidents[0].Id);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Contains("end", instance.CompletedPath());
    }

    [Fact]
    public async Task IncidentStrategyFault_FailingNode_FaultsWholeInstance()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("fork", "Fork").Node("wait", "UserTask").Node("bad", "Fail", ("message", "boom"))
            .Connect("start", "fork").Connect("fork", "wait", "a").Connect("fork", "bad", "b")
            .Settings(s => s.IncidentStrategy = IncidentStrategy.Fault).Build();

        var instance = await _harness.RunAsync(definition);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Empty(instance.Bookmarks);
        Assert.Single(instance.Incidents);
    }

    [Fact]
    public async Task RunawayScript_BecomesIncidentNamingTheNode()
    {
        using var harness = new EngineHarness(new FlowCenter.Expressions.JavaScriptOptions { TimeLimit = TimeSpan.FromMilliseconds(300), MaxStatements = 1_000_000 });
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("spin", "Script", ("script", "while (true) { }")).Configure("spin", n => n.DisplayName = "Compute totals")
            .Chain("start", "spin").Build();

        var instance = await harness.RunAsync(definition);

        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("spin", incident.NodeId);
        Assert.Contains("Compute totals", incident.Message, StringComparison.Ordinal);
        Assert.Contains("loop forever", incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoopWithoutWait_StoppedByBurstLimit()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("a", "SetVariable", ("name", "x"), ("value", 1)).Node("again", "Decision")
            .Connect("start", "a").Connect("a", "again").Connect("again", "a", "loop", "true")
            .Settings(s => s.MaxStepsPerBurst = 1000).Build();

        var instance = await _harness.RunAsync(definition);

        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("RunawayBurst", incident.ErrorType);
        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
    }

    [Fact]
    public async Task Timeout_WaitTooLong_LeavesThroughTimeoutPortAndRemovesTask()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("approve", "UserTask").Node("ok", "End").Node("escalate", "SetVariable", ("name", "escalated"), ("value", true))
            .Configure("approve", n => n.Timeout = "P2D")
            .Connect("start", "approve").Connect("approve", "ok", "approve").Connect("approve", "escalate", "timeout").Build();
        var instance = await _harness.RunAsync(definition);
        var task = instance.Bookmark("approve", BookmarkKind.UserTask);

        _harness.Clock.Advance(TimeSpan.FromDays(2));
        await _harness.Host.FireDueTimersAsync();

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.True(instance.Variables["escalated"]!.GetValue<bool>());
        await Assert.ThrowsAsync<InvalidOperationException>(() => _harness.Host.ResumeAsync(instance.Id, task.Id, JsonNode.Parse("""{"outcome":"approve"}""")));
    }

    [Fact]
    public async Task Reminder_EveryFourHoursUpToThree_DoesNotEndTheWait()
    {
        var definition = new WorkflowBuilder()
            .Variable("reminders", DataType.Number, 0)
            .Node("start", "Start").Node("approve", "UserTask").Node("ok", "End").Node("nudge", "SetVariable", ("name", "reminders"), ("value", new Js("reminders + 1")))
            .Configure("approve", n => n.Reminder = new ReminderSettings { Interval = "PT4H", MaxCount = 3 })
            .Connect("start", "approve").Connect("approve", "ok", "approve").Connect("approve", "nudge", "reminder").Build();
        var instance = await _harness.RunAsync(definition);

        for (var i = 0; i < 5; i++)
        {
            _harness.Clock.Advance(TimeSpan.FromHours(4));
            await _harness.Host.FireDueTimersAsync();
        }

        Assert.Equal(3, instance.Number("reminders"));
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);
        await _harness.Host.ResumeAsync(instance.Id, instance.Bookmark("approve").Id, JsonNode.Parse("""{"outcome":"approve"}"""));
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task Resume_BookmarkAlreadyConsumed_IsRejected()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("wait", "WaitEvent", ("eventName", "go")).Node("count", "SetVariable", ("name", "n"), ("value", new Js("(getVariable('n') || 0) + 1")))
            .Chain("start", "wait", "count").Build();
        var workflow = _harness.Engine.Prepare(definition);
        var instance = await _harness.Engine.StartAsync(workflow);
        var bookmark = instance.Bookmarks.Single().Id;

        await _harness.Engine.ResumeAsync(workflow, instance, bookmark);
        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => _harness.Engine.ResumeAsync(workflow, instance, bookmark).AsTask());

        Assert.Equal(1, instance.Number("n"));
        Assert.Contains("completed", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_ConsumedBookmarkWhileInstanceStillRuns_ThrowsBookmarkNotFound()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("fork", "Fork").Node("a", "WaitEvent", ("eventName", "a")).Node("b", "WaitEvent", ("eventName", "b"))
            .Connect("start", "fork").Connect("fork", "a", "a").Connect("fork", "b", "b").Build();
        var workflow = _harness.Engine.Prepare(definition);
        var instance = await _harness.Engine.StartAsync(workflow);
        var a = instance.Bookmark("a").Id;

        await _harness.Engine.ResumeAsync(workflow, instance, a);

        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => _harness.Engine.ResumeAsync(workflow, instance, a).AsTask());
        Assert.Equal(1, instance.Executions("a"));
    }

    [Fact]
    public async Task JoinAll_BranchEndedElsewhere_RaisesJoinIncidentThatSkipForces()
    {
        var definition = new WorkflowBuilder()
            .Node("start", "Start").Node("fork", "Fork").Node("a", "SetVariable", ("name", "x"), ("value", 1)).Node("check", "Decision").Node("stop", "End")
            .Node("join", "Join").Node("after", "SetVariable", ("name", "joined"), ("value", true))
            .Connect("start", "fork").Connect("fork", "a", "a").Connect("fork", "check", "b").Connect("a", "join")
            .Connect("check", "join", "ok", "false").Connect("check", "stop", "default").Connect("join", "after").Build();
        var instance = await _harness.RunAsync(definition);
        var incident = Assert.Single(instance.Incidents);
        Assert.Equal("join", incident.NodeId);
        Assert.Contains("can no longer arrive", incident.Message, StringComparison.Ordinal);

        await _harness.Host.SkipIncidentAsync(instance.Id, incident.Id);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.True(instance.Variables["joined"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Cancel_ParentWithChild_CancelsBoth()
    {
        var child = new WorkflowBuilder("child").Node("start", "Start").Node("wait", "UserTask").Chain("start", "wait").Build();
        var parent = new WorkflowBuilder("parent").Node("start", "Start").Node("call", "SubProcess", ("definitionId", "child")).Chain("start", "call").Build();
        _harness.Host.Register(child);
        var instance = await _harness.RunAsync(parent);

        await _harness.Host.CancelAsync(instance.Id);

        Assert.All(_harness.Host.Instances, i => Assert.Equal(WorkflowStatus.Cancelled, i.Status));
        Assert.All(_harness.Host.Instances, i => Assert.Empty(i.Bookmarks));
    }

    [Fact]
    public async Task SubProcess_TimedOut_CancelsTheChild()
    {
        var child = new WorkflowBuilder("slow-child").Node("start", "Start").Node("wait", "UserTask").Chain("start", "wait").Build();
        var parent = new WorkflowBuilder("impatient")
            .Node("start", "Start").Node("call", "SubProcess", ("definitionId", "slow-child")).Node("gaveUp", "End")
            .Configure("call", n => n.Timeout = "PT1H").Chain("start", "call").Connect("call", "gaveUp", "timeout").Build();
        _harness.Host.Register(child);
        var instance = await _harness.RunAsync(parent);

        _harness.Clock.Advance(TimeSpan.FromHours(1));
        await _harness.Host.FireDueTimersAsync();

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        var childInstance = _harness.Host.Instances.Single(i => i.DefinitionId == "slow-child");
        Assert.Equal(WorkflowStatus.Cancelled, childInstance.Status);
        Assert.Empty(childInstance.Bookmarks);
    }

    [Fact]
    public async Task Start_MissingRequiredInput_ThrowsAndCreatesNothing()
    {
        var definition = new WorkflowBuilder().Input("amount", DataType.Number, required: true).Node("start", "Start").Build();
        _harness.Host.Register(definition);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _harness.Host.StartAsync("test", new StartOptions { Input = EngineHarness.ToInput(new { amount = "lots" }) }));

        Assert.Contains("amount", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.Host.Instances);
    }

    [Fact]
    public async Task SetVariable_WrongTypeForDeclaredVariable_Fails()
    {
        var definition = new WorkflowBuilder()
            .Variable("amount", DataType.Number).Node("start", "Start").Node("set", "SetVariable", ("name", "amount"), ("value", new Js("'ten'"))).Chain("start", "set").Build();

        var instance = await _harness.RunAsync(definition);

        Assert.Contains("expected a number", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
    }
}
