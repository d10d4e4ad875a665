using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using FlowCenter.Runtime.Tests.TestSupport;

namespace FlowCenter.Runtime.Tests.Execution;

public sealed class WorkflowRuntimeTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Resume_AfterRestart_ContinuesFromTheStoredState(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(Approval());
        var started = await harness.Runtime.StartAsync(new StartRequest("approval") { Input = new Dictionary<string, JsonNode?> { ["amount"] = 900 }, StartedBy = FlowCenter.Runtime.Instances.Starter.Person("li.lei") });

        await using var restarted = await harness.StartAnotherAsync();
        var outcome = await restarted.Runtime.ResumeAsync(started.Id, started.Bookmarks.Single().Id, JsonNode.Parse("""{"outcome":"approve"}"""));

        var instance = (await restarted.Runtime.GetAsync(started.Id))!;
        Assert.Equal(ResumeOutcome.Resumed, outcome);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(["start", "approve", "done"], instance.Journal.Select(e => e.NodeId));
        Assert.True(instance.Output["approved"]!.GetValue<bool>());
        Assert.All(instance.Journal, e => Assert.False(string.IsNullOrEmpty(e.Worker)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Resume_SameBookmarkFromTwoNodesAtOnce_OneWinsTheOtherIsAlreadyHandled(DatabaseProvider provider)
    {
        await using var first = await RuntimeHarness.CreateAsync(provider);
        await using var second = await first.StartAnotherAsync();
        await first.PublishAsync(Approval());
        for (var round = 0; round < 5; round++)
        {
            var started = await first.Runtime.StartAsync(new StartRequest("approval") { Input = new Dictionary<string, JsonNode?> { ["amount"] = round } });
            var bookmark = started.Bookmarks.Single().Id;

            var outcomes = await Task.WhenAll(
                Task.Run(() => first.Runtime.ResumeAsync(started.Id, bookmark, JsonNode.Parse("""{"outcome":"approve"}"""))),
                Task.Run(() => second.Runtime.ResumeAsync(started.Id, bookmark, JsonNode.Parse("""{"outcome":"reject"}"""))),
                Task.Run(() => first.Runtime.ResumeAsync(started.Id, bookmark, JsonNode.Parse("""{"outcome":"reject"}"""))));

            Assert.Equal(1, outcomes.Count(o => o == ResumeOutcome.Resumed));
            Assert.Equal(2, outcomes.Count(o => o == ResumeOutcome.AlreadyHandled));
            var journal = (await first.Runtime.GetAsync(started.Id))!.Journal;
            Assert.Single(journal, e => e.NodeId == "approve" && e.Status == JournalStatus.Completed);
            Assert.Single(journal, e => e.NodeId is "done" or "rejected");
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Timer_SurvivesARestartAndFiresOnce(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("remind")
            .Node("start", "Start").Node("wait", "Delay", ("duration", "PT1H")).Node("end", "End").Chain("start", "wait", "end").Build());
        var started = await harness.Runtime.StartAsync(new StartRequest("remind"));

        await using var restarted = await harness.StartAnotherAsync();
        Assert.Equal(0, await restarted.AdvanceAsync(TimeSpan.FromMinutes(59)));
        Assert.Equal(1, await restarted.AdvanceAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(0, await harness.Timers.FireDueAsync(CancellationToken.None));

        var instance = (await restarted.Runtime.GetAsync(started.Id))!;
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal(TimeSpan.FromHours(1), instance.Journal.Single(e => e.NodeId == "wait").Duration);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task FireTimer_BeforeItsDueTime_DoesNothing(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("early")
            .Node("start", "Start").Node("wait", "Delay", ("duration", "PT10S")).Chain("start", "wait").Build());
        var started = await harness.Runtime.StartAsync(new StartRequest("early"));
        var timer = started.Bookmarks.Single().Id;

        harness.Clock.Advance(TimeSpan.FromSeconds(9.5));
        var early = await harness.Runtime.FireTimerAsync(started.Id, timer);
        harness.Clock.Advance(TimeSpan.FromSeconds(0.5));
        var due = await harness.Runtime.FireTimerAsync(started.Id, timer);
        var again = await harness.Runtime.FireTimerAsync(started.Id, timer);

        Assert.Equal((ResumeOutcome.NotYetDue, ResumeOutcome.Resumed, ResumeOutcome.AlreadyHandled), (early, due, again));
        Assert.Equal(WorkflowStatus.Completed, (await harness.Runtime.GetAsync(started.Id))!.Status);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task PublishEvent_ResumesOnlyTheMatchingKeyAndStartsEventTriggeredDefinitions(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("produce")
            .Variable("report").Node("start", "Start").Node("wait", "WaitEvent", ("eventName", "mes.produced"), ("correlationKey", new Js("input.order")), ("resultVariable", "report"))
            .Chain("start", "wait").Build());
        await harness.PublishAsync(new WorkflowBuilder("on-produced")
            .Variable("qty").Node("trigger", "EventStart", ("eventName", "mes.produced")).Node("set", "SetVariable", ("name", "qty"), ("value", new Js("input.qty")))
            .Chain("trigger", "set").Build());
        var one = await harness.Runtime.StartAsync(new StartRequest("produce") { Input = new Dictionary<string, JsonNode?> { ["order"] = "SO-1" } });
        var two = await harness.Runtime.StartAsync(new StartRequest("produce") { Input = new Dictionary<string, JsonNode?> { ["order"] = "SO-2" } });

        var outcome = await harness.Runtime.PublishEventAsync("mes.produced", "SO-2", JsonNode.Parse("""{"qty": 40}"""));

        Assert.Equal(1, outcome.Resumed);
        Assert.Equal(WorkflowStatus.Waiting, (await harness.Runtime.GetAsync(one.Id))!.Status);
        Assert.Equal(40, (await harness.Runtime.GetAsync(two.Id))!.Variables["report"]!["qty"]!.GetValue<int>());
        var triggered = (await harness.Runtime.GetAsync(Assert.Single(outcome.StartedInstanceIds)))!;
        Assert.Equal(("on-produced", WorkflowStatus.Completed, "SO-2"), (triggered.DefinitionId, triggered.Status, triggered.BusinessKey));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Incident_RetriedLater_Completes(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("office-hours")
            .Node("start", "Start").Node("post", "Script", ("script", "if (new Date().getUTCHours() < 9) throw new Error('ERP closed until 09:00'); return 'posted';"), ("resultVariable", "result"))
            .Chain("start", "post").Build());
        var started = await harness.Runtime.StartAsync(new StartRequest("office-hours"));
        var incident = Assert.Single(started.Incidents);
        Assert.Equal(WorkflowStatus.Suspended, started.Status);
        Assert.Contains("ERP closed", incident.Message, StringComparison.Ordinal);

        harness.Clock.Advance(TimeSpan.FromHours(2));
        await harness.Runtime.RetryIncidentAsync(started.Id, incident.Id);

        var instance = (await harness.Runtime.GetAsync(started.Id))!;
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Equal("retried", Assert.Single(instance.Incidents).Resolution);
        Assert.Equal("posted", instance.Variables["result"]!.GetValue<string>());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task SubProcess_ChildCompletes_ParentResumesWithItsOutput(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("child")
            .Input("n", DataType.Number).Variable("doubled").Output("doubled")
            .Node("start", "Start").Node("wait", "WaitEvent", ("eventName", "child.go"), ("correlationKey", new Js("String(input.n)")))
            .Node("calc", "SetVariable", ("name", "doubled"), ("value", new Js("input.n * 2"))).Chain("start", "wait", "calc").Build());
        await harness.PublishAsync(new WorkflowBuilder("parent")
            .Variable("result").Node("start", "Start").Node("call", "SubProcess", ("definitionId", "child"), ("input", new Js("({ n: 21 })")), ("outputMapping", JsonNode.Parse("""{"doubled":"result"}""")))
            .Chain("start", "call").Build());
        var parent = await harness.Runtime.StartAsync(new StartRequest("parent") { BusinessKey = "PO-1" });
        var child = Assert.Single((await harness.Runtime.QueryAsync(new() { DefinitionId = "child" })).Items);
        Assert.Equal(("PO-1", "parent:" + parent.Id), (child.BusinessKey, child.StartedBy));

        await harness.Runtime.PublishEventAsync("child.go", "21");

        var done = (await harness.Runtime.GetAsync(parent.Id))!;
        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(42, done.Variables["result"]!.GetValue<double>());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task SubProcess_HandOverFails_CommitStands_AndTheRecoverySweepStartsTheChild(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider, services => services.AddSingleton<IContinuationDispatcher, JobStoreDown>());
        await harness.PublishAsync(new WorkflowBuilder("slow").Node("start", "Start").Node("wait", "UserTask").Chain("start", "wait").Build());
        await harness.PublishAsync(new WorkflowBuilder("caller").Node("start", "Start").Node("call", "SubProcess", ("definitionId", "slow")).Chain("start", "call").Build());

        var parent = await harness.Runtime.StartAsync(new StartRequest("caller"));
        Assert.Equal(WorkflowStatus.Waiting, parent.Status); // the start is not undone by the failed hand-over
        Assert.Equal(1, (await harness.Runtime.QueryAsync(new())).Total);

        var recovery = harness.Services.GetRequiredService<ContinuationRecovery>();
        await recovery.StartAsync(CancellationToken.None);
        try
        {
            // The service starts its timer on a thread of its own: the clock moves on until a sweep has run.
            await Eventually.ThatAsync(
                async () => (await harness.Runtime.QueryAsync(new() { DefinitionId = "slow" })).Total, total => total > 0, "the sweep to start the child",
                TimeSpan.FromSeconds(10), between: () => harness.Clock.Advance(ContinuationRecovery.SweepEvery), every: TimeSpan.FromMilliseconds(50));
        }
        finally
        {
            await recovery.StopAsync(CancellationToken.None);
        }

        var child = Assert.Single((await harness.Runtime.QueryAsync(new() { DefinitionId = "slow" })).Items);
        Assert.Equal("parent:" + parent.Id, child.StartedBy);
    }

    /// <summary>A job store that is down: every hand-over fails.</summary>
    private sealed class JobStoreDown : IContinuationDispatcher
    {
        public void Dispatch(Continuation continuation) => throw new InvalidOperationException("the job store cannot be reached");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Cancel_ParentWaitingOnChild_CancelsTheChildToo(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("slow").Node("start", "Start").Node("wait", "UserTask").Chain("start", "wait").Build());
        await harness.PublishAsync(new WorkflowBuilder("caller").Node("start", "Start").Node("call", "SubProcess", ("definitionId", "slow")).Chain("start", "call").Build());
        var parent = await harness.Runtime.StartAsync(new StartRequest("caller"));

        await harness.Runtime.CancelAsync(parent.Id);

        var all = await harness.Runtime.QueryAsync(new());
        Assert.Equal(2, all.Total);
        Assert.All(all.Items, i => Assert.Equal(WorkflowStatus.Cancelled, i.Status));
        Assert.Empty(await harness.Instances.FindTimedBookmarksAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Resume_UnknownOutcome_IsRejectedAndNothingIsStored(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(Approval());
        var started = await harness.Runtime.StartAsync(new StartRequest("approval") { Input = new Dictionary<string, JsonNode?> { ["amount"] = 1 } });

        await Assert.ThrowsAsync<Engine.Execution.ResumeRejectedException>(() => harness.Runtime.ResumeAsync(started.Id, started.Bookmarks.Single().Id, JsonNode.Parse("""{"outcome":"maybe"}""")));

        var stored = (await harness.Instances.LoadAsync(started.Id))!;
        Assert.Equal(1, stored.Revision);
        Assert.Single(stored.Instance.Bookmarks);
    }

    private static WorkflowDefinition Approval() => new WorkflowBuilder("approval")
        .Input("amount", DataType.Number).Variable("approved", DataType.Boolean, false).Output("approved")
        .Node("start", "Start").Node("approve", "UserTask", ("title", new Js("'Approve ' + input.amount")))
        .Node("done", "SetVariable", ("name", "approved"), ("value", true)).Node("rejected", "End")
        .Connect("start", "approve").Connect("approve", "done", "approve").Connect("approve", "rejected", "reject")
        .Build();
}
