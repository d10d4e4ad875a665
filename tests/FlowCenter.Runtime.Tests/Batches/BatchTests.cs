using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Audit;
using FlowCenter.Runtime.Batches;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCenter.Runtime.Tests.Batches;

/// <summary>Batches: the set is the list's own filter, fixed once; every instance gets one result; nodes and restarts share the work.</summary>
public sealed class BatchTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task CancelOverAFilter_TouchesExactlyTheMatchingInstances_AsTheOperatorViaTheBatch(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(Approval("approval"));
        await harness.PublishAsync(Approval("other"));
        var amounts = new[] { 100, 300, 500, 700, 250 };
        var instances = new List<WorkflowInstance>();
        foreach (var amount in amounts)
        {
            instances.Add(await harness.Runtime.StartAsync(new StartRequest("approval") { Input = new Dictionary<string, JsonNode?> { ["amount"] = amount } }));
        }

        var elsewhere = await harness.Runtime.StartAsync(new StartRequest("other") { Input = new Dictionary<string, JsonNode?> { ["amount"] = 900 } });
        var request = new BatchRequest(BatchAction.Cancel) { Filter = "?definitionId=approval&status=waiting&var=amount%3E%3D300" };

        Assert.Equal(3, await Batches(harness).PreviewAsync(request, RuntimeHarness.Operator));
        var batch = await Batches(harness).StartAsync(request with { ExpectedCount = 3, Reason = "order withdrawn" }, RuntimeHarness.Operator);
        Assert.Equal(3, await Runner(harness).RunPendingAsync(CancellationToken.None));

        var finished = (await Batches(harness).FindAsync(batch.Id, RuntimeHarness.Operator))!;
        Assert.Equal((3, 3, 0, 0, true), (finished.Total, finished.Done, finished.Skipped, finished.Failed, finished.IsFinished));
        foreach (var (instance, amount) in instances.Zip(amounts))
        {
            var status = (await harness.Runtime.GetAsync(instance.Id))!.Status;
            Assert.Equal(amount >= 300 ? WorkflowStatus.Cancelled : WorkflowStatus.Waiting, status);
        }

        Assert.Equal(WorkflowStatus.Waiting, (await harness.Runtime.GetAsync(elsewhere.Id))!.Status);
        var items = await Batches(harness).ItemsAsync(batch.Id, null, 0, 100, RuntimeHarness.Operator);
        Assert.Equal(instances.Where((_, i) => amounts[i] >= 300).Select(i => i.Id).Order(), items.Items.Select(i => i.InstanceId).Order());
        Assert.All(items.Items, i => Assert.Equal((BatchItemOutcome.Done, "approval"), (i.Outcome, i.DefinitionId)));
        var log = await harness.Services.GetRequiredService<IAuditStore>().QueryAsync(new AuditQuery { Action = AuditActions.InstanceCancelled });
        Assert.Equal(3, log.Total);
        Assert.All(log.Items, e => Assert.Equal(("operator", "batch:" + batch.Id), (e.Actor, e.Via)));
        Assert.Equal(1, (await harness.Services.GetRequiredService<IAuditStore>().QueryAsync(new AuditQuery { Action = AuditActions.BatchStarted })).Total);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task AFilterThatNowMatchesAnotherCount_IsRefused_AndNothingIsMade(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(Approval("approval"));
        var request = new BatchRequest(BatchAction.Cancel) { Filter = "?status=waiting" };
        await harness.Runtime.StartAsync(new StartRequest("approval") { Input = new Dictionary<string, JsonNode?> { ["amount"] = 1 } });
        var shown = await Batches(harness).PreviewAsync(request, RuntimeHarness.Operator);
        await harness.Runtime.StartAsync(new StartRequest("approval") { Input = new Dictionary<string, JsonNode?> { ["amount"] = 2 } });

        var refused = await Assert.ThrowsAsync<BatchCountChangedException>(() => Batches(harness).StartAsync(request with { ExpectedCount = shown }, RuntimeHarness.Operator));

        Assert.Equal((1, 2), (refused.Expected, refused.Actual));
        Assert.Equal(0, (await Batches(harness).ListAsync(0, 10, RuntimeHarness.Operator)).Total);
        var misspelt = await Assert.ThrowsAsync<ArgumentException>(() => Batches(harness).PreviewAsync(new BatchRequest(BatchAction.Cancel) { Filter = "?staus=waiting" }, RuntimeHarness.Operator));
        Assert.Contains("staus", misspelt.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Batches(harness).StartAsync(request, new Caller("wang.fang", [])));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task RetryOnChosenRows_KeepsAResultPerInstance(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("office-hours")
            .Node("start", "Start").Node("post", "Script", ("script", "if (new Date().getUTCHours() < 9) throw new Error('ERP closed until 09:00'); return 'posted';"), ("resultVariable", "result"))
            .Chain("start", "post").Build());
        await harness.PublishAsync(Approval("approval"));
        var failing = await harness.Runtime.StartAsync(new StartRequest("office-hours"));
        var waiting = await harness.Runtime.StartAsync(new StartRequest("approval") { Input = new Dictionary<string, JsonNode?> { ["amount"] = 5 } });
        var cancelled = await harness.Runtime.StartAsync(new StartRequest("approval") { Input = new Dictionary<string, JsonNode?> { ["amount"] = 6 } });
        await harness.Runtime.CancelAsync(cancelled.Id);
        var rows = new BatchRequest(BatchAction.Retry) { InstanceIds = [failing.Id, waiting.Id, cancelled.Id] };

        var early = await Batches(harness).StartAsync(rows, RuntimeHarness.Operator);
        await Runner(harness).RunPendingAsync(CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromHours(2));
        var later = await Batches(harness).StartAsync(rows, RuntimeHarness.Operator);
        await Runner(harness).RunPendingAsync(CancellationToken.None);

        var first = (await Batches(harness).ItemsAsync(early.Id, null, 0, 10, RuntimeHarness.Operator)).Items.ToDictionary(i => i.InstanceId);
        Assert.Equal(BatchItemOutcome.Failed, first[failing.Id].Outcome);
        Assert.Contains("ERP closed", first[failing.Id].Message, StringComparison.Ordinal);
        Assert.Equal((BatchItemOutcome.Skipped, "No open problem."), (first[waiting.Id].Outcome, first[waiting.Id].Message));
        Assert.Equal((BatchItemOutcome.Skipped, "Already cancelled."), (first[cancelled.Id].Outcome, first[cancelled.Id].Message));
        var second = (await Batches(harness).ItemsAsync(later.Id, BatchItemOutcome.Done, 0, 10, RuntimeHarness.Operator)).Items;
        Assert.Equal(failing.Id, Assert.Single(second).InstanceId);
        Assert.Equal(WorkflowStatus.Completed, (await harness.Runtime.GetAsync(failing.Id))!.Status);
        var stats = (await Batches(harness).FindAsync(later.Id, RuntimeHarness.Operator))!;
        Assert.Equal((1, 2, 0), (stats.Done, stats.Skipped, stats.Failed));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task TwoNodesAndARestart_ShareABatch_AndEachInstanceIsHandledOnce(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(Approval("approval"));
        for (var i = 0; i < 45; i++)
        {
            await harness.Runtime.StartAsync(new StartRequest("approval") { Input = new Dictionary<string, JsonNode?> { ["amount"] = i } });
        }

        var suspend = await Batches(harness).StartAsync(new BatchRequest(BatchAction.Suspend) { Filter = "" }, RuntimeHarness.Operator);
        await using var restarted = await harness.StartAnotherAsync();
        await using var second = await harness.StartAnotherAsync();
        var handled = await Task.WhenAll(
            Task.Run(() => Runner(restarted).RunPendingAsync(CancellationToken.None)),
            Task.Run(() => Runner(second).RunPendingAsync(CancellationToken.None)));

        Assert.Equal(45, handled.Sum());
        var batch = (await Batches(restarted).FindAsync(suspend.Id, RuntimeHarness.Operator))!;
        Assert.Equal((45, 45, true), (batch.Total, batch.Done, batch.IsFinished));
        var log = await restarted.Services.GetRequiredService<IAuditStore>().QueryAsync(new AuditQuery { Action = AuditActions.InstanceSuspended, Take = 500 });
        Assert.Equal(45, log.Items.Select(e => e.Target).Distinct().Count());
        Assert.Equal(45, log.Total);

        var resume = await Batches(restarted).StartAsync(new BatchRequest(BatchAction.Resume) { Filter = "?status=suspended", ExpectedCount = 45 }, RuntimeHarness.Operator);
        Assert.Equal(45, await Runner(restarted).RunPendingAsync(CancellationToken.None));
        Assert.Equal(45, (await Batches(restarted).FindAsync(resume.Id, RuntimeHarness.Operator))!.Done);
        Assert.Equal(45, (await restarted.Runtime.QueryAsync(new Runtime.Instances.InstanceQuery { Status = WorkflowStatus.Waiting })).Total);
    }

    private static InstanceBatches Batches(RuntimeHarness harness) => harness.Services.GetRequiredService<InstanceBatches>();

    private static BatchRunner Runner(RuntimeHarness harness) => harness.Services.GetRequiredService<BatchRunner>();

    private static WorkflowDefinition Approval(string id) => new WorkflowBuilder(id)
        .Input("amount", DataType.Number).Variable("amount", DataType.Number).Variable("approved", DataType.Boolean, false)
        .Node("start", "Start").Node("copy", "SetVariable", ("name", "amount"), ("value", new Js("input.amount")))
        .Node("approve", "UserTask", ("title", "Approve"))
        .Node("done", "SetVariable", ("name", "approved"), ("value", true))
        .Connect("start", "copy").Connect("copy", "approve").Connect("approve", "done", "approve")
        .Build();
}
