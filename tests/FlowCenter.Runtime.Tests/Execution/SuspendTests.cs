using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Tests.TestSupport;

namespace FlowCenter.Runtime.Tests.Execution;

/// <summary>An operator's suspension: nothing runs while it holds, what arrives is kept and delivered once, in order, on resume.</summary>
public sealed class SuspendTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Suspended_TimerThatFallsDue_WaitsThroughARestart_AndRunsOnceOnResume(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("remind")
            .Node("start", "Start").Node("wait", "Delay", ("duration", "PT1H")).Node("end", "End").Chain("start", "wait", "end").Build());
        var started = await harness.Runtime.StartAsync(new StartRequest("remind"));
        await harness.Runtime.SuspendAsync(started.Id, "operator", "ERP maintenance tonight");

        Assert.Equal(0, await harness.AdvanceAsync(TimeSpan.FromHours(2)));
        await using var restarted = await harness.StartAnotherAsync();
        Assert.Equal(0, await restarted.AdvanceAsync(TimeSpan.FromMinutes(5)));
        var held = (await restarted.Runtime.GetAsync(started.Id))!;
        Assert.Equal(WorkflowStatus.Suspended, held.Status);
        Assert.Empty(held.Bookmarks);
        Assert.Equal(("operator", "ERP maintenance tonight", "wait"), (held.Hold!.By, held.Hold.Reason, Assert.Single(held.Hold.Arrived).Bookmark.NodeId));
        Assert.DoesNotContain(held.Journal, e => e.NodeId == "end");

        await restarted.Runtime.ResumeInstanceAsync(started.Id);

        var done = (await restarted.Runtime.GetAsync(started.Id))!;
        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Null(done.Hold);
        Assert.Single(done.Journal, e => e.NodeId == "wait" && e.Status == JournalStatus.Completed);
        Assert.Single(done.Journal, e => e.NodeId == "end");
        Assert.Equal(0, await restarted.AdvanceAsync(TimeSpan.FromHours(1)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Suspended_EventsAndDecisions_AreTakenOnce_AndDeliveredInTheOrderTheyCame(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("produce")
            .Variable("report").Variable("approved", DataType.Boolean, false)
            .Node("start", "Start").Node("fork", "Fork")
            .Node("wait", "WaitEvent", ("eventName", "mes.produced"), ("correlationKey", new Js("input.order")), ("resultVariable", "report"))
            .Node("approve", "UserTask", ("title", "Check"))
            .Node("yes", "SetVariable", ("name", "approved"), ("value", true))
            .Node("join", "Join").Node("end", "End")
            .Connect("start", "fork").Connect("fork", "wait").Connect("fork", "approve")
            .Connect("wait", "join").Connect("approve", "yes", "approve").Connect("yes", "join").Connect("join", "end")
            .Build());
        var started = await harness.Runtime.StartAsync(new StartRequest("produce") { Input = new Dictionary<string, JsonNode?> { ["order"] = "SO-7" } });
        var task = started.Bookmarks.Single(b => b.NodeId == "approve").Id;
        await harness.Runtime.SuspendAsync(started.Id, "operator", null);

        var first = await harness.Runtime.PublishEventAsync("mes.produced", "SO-7", JsonNode.Parse("""{"qty": 40}"""));
        var second = await harness.Runtime.PublishEventAsync("mes.produced", "SO-7", JsonNode.Parse("""{"qty": 99}"""));
        var decided = await harness.Runtime.ResumeAsync(started.Id, task, JsonNode.Parse("""{"outcome":"approve"}"""), "li.na");
        var again = await harness.Runtime.ResumeAsync(started.Id, task, JsonNode.Parse("""{"outcome":"reject"}"""), "wang.fang");

        Assert.Equal((1, 0), (first.Resumed, second.Resumed));
        Assert.Equal((ResumeOutcome.Held, ResumeOutcome.AlreadyHandled), (decided, again));
        var held = (await harness.Runtime.GetAsync(started.Id))!;
        Assert.Equal(WorkflowStatus.Suspended, held.Status);
        Assert.Null(held.Variables["report"]);
        Assert.Equal(["wait", "approve"], held.Hold!.Arrived.Select(a => a.Bookmark.NodeId));
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Runtime.SuspendAsync(started.Id, "admin", null));

        await harness.Runtime.ResumeInstanceAsync(started.Id);

        var done = (await harness.Runtime.GetAsync(started.Id))!;
        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(40, done.Variables["report"]!["qty"]!.GetValue<int>());
        Assert.True(done.Variables["approved"]!.GetValue<bool>());
        Assert.Equal("li.na", done.Journal.Single(e => e.NodeId == "approve").ResumedBy);
        Assert.True(done.Journal.Single(e => e.NodeId == "wait").CompletedAt <= done.Journal.Single(e => e.NodeId == "approve").CompletedAt);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Suspend_NothingArrives_ResumeGivesBackTheStatus_AndRepairsWaitMeanwhile(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("office-hours")
            .Node("start", "Start").Node("post", "Script", ("script", "if (new Date().getUTCHours() < 9) throw new Error('ERP closed until 09:00'); return 'posted';"), ("resultVariable", "result"))
            .Chain("start", "post").Build());
        var started = await harness.Runtime.StartAsync(new StartRequest("office-hours"));
        var incident = Assert.Single(started.Incidents);
        await harness.Runtime.SuspendAsync(started.Id, "operator", "wait for ERP");
        harness.Clock.Advance(TimeSpan.FromHours(2));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Runtime.RetryIncidentAsync(started.Id, incident.Id));
        Assert.Contains("suspended", refused.Message, StringComparison.Ordinal);
        await harness.Runtime.ResumeInstanceAsync(started.Id);
        var resumed = (await harness.Runtime.GetAsync(started.Id))!;
        Assert.Equal((WorkflowStatus.Suspended, (InstanceHold?)null), (resumed.Status, resumed.Hold));
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Runtime.ResumeInstanceAsync(started.Id));

        await harness.Runtime.RetryIncidentAsync(started.Id, incident.Id);
        Assert.Equal(WorkflowStatus.Completed, (await harness.Runtime.GetAsync(started.Id))!.Status);
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Runtime.SuspendAsync(started.Id, "operator", null));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Cancel_ASuspendedInstance_DropsWhatWasHeld(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("remind")
            .Node("start", "Start").Node("wait", "Delay", ("duration", "PT1H")).Node("end", "End").Chain("start", "wait", "end").Build());
        var started = await harness.Runtime.StartAsync(new StartRequest("remind"));
        await harness.Runtime.SuspendAsync(started.Id, "operator", null);
        await harness.AdvanceAsync(TimeSpan.FromHours(2));

        await harness.Runtime.CancelAsync(started.Id);

        var cancelled = (await harness.Runtime.GetAsync(started.Id))!;
        Assert.Equal((WorkflowStatus.Cancelled, (InstanceHold?)null), (cancelled.Status, cancelled.Hold));
        Assert.DoesNotContain(cancelled.Journal, e => e.NodeId == "end");
    }
}
