using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Tests.TestSupport;

namespace FlowCenter.Runtime.Tests.Instances;

/// <summary>
/// The kept totals answer the list's count for filters by process, version, status and problems: the same number
/// a count over the instances gives, at every moment (no lag), before and after folding, with two nodes folding.
/// </summary>
public sealed class InstanceCountTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Totals_EqualACountOfTheInstances_ThroughStartsEndsProblemsCancelsAndFolds(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("post").Input("fail", DataType.Boolean)
            .Node("start", "Start").Node("post", "Script", ("script", "if (input.fail) throw new Error('ERP refused'); return 1;")).Node("end", "End")
            .Chain("start", "post", "end").Build());
        await harness.PublishAsync(new WorkflowBuilder("approval")
            .Node("start", "Start").Node("approve", "UserTask", ("title", "Approve"), ("assignee", "li.na")).Node("end", "End")
            .Connect("start", "approve").Connect("approve", "end", "approve").Build());
        await using var other = await harness.StartAnotherAsync();

        for (var i = 0; i < 3; i++)
        {
            await harness.Runtime.StartAsync(new StartRequest("post") { Input = new Dictionary<string, JsonNode?> { ["fail"] = false } });
        }

        var failing = await harness.Runtime.StartAsync(new StartRequest("post") { Input = new Dictionary<string, JsonNode?> { ["fail"] = true } });
        var approvals = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            approvals.Add((await harness.Runtime.StartAsync(new StartRequest("approval"))).Id);
        }

        await AssertTotalsAsync(harness, "after the starts");
        await harness.Runtime.CancelAsync(approvals[0]);
        await harness.Runtime.SuspendAsync(approvals[1], "operator", "checking");
        await AssertTotalsAsync(harness, "after a cancel and a suspension");

        // Two nodes fold at once: each change is counted once, whichever node's fold stands.
        await Task.WhenAll(harness.Instances.FoldCountsAsync(), other.Instances.FoldCountsAsync());
        await AssertTotalsAsync(harness, "after two folds at once");
        Assert.Equal(0, await harness.Instances.FoldCountsAsync());

        await harness.Runtime.ResumeInstanceAsync(approvals[1]);
        await harness.Runtime.CancelAsync(failing.Id);
        await other.Runtime.StartAsync(new StartRequest("approval"));
        await AssertTotalsAsync(harness, "after changes on top of the folded totals");
        Assert.True(await harness.Instances.FoldCountsAsync() > 0);
        await AssertTotalsAsync(harness, "after the second fold");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task AFilterByValueOverLiveCases_FindsTheLiveOnes_AndTheEndedOnesUnderTheirStatus(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("approval").Input("amount", DataType.Number).Variable("amount", DataType.Number)
            .Node("start", "Start").Node("set", "SetVariable", ("name", "amount"), ("value", new Js("input.amount")))
            .Node("approve", "UserTask", ("title", "Approve"), ("assignee", "li.na")).Node("end", "End")
            .Chain("start", "set", "approve").Connect("approve", "end", "approve").Build());
        var waiting = await harness.Runtime.StartAsync(new StartRequest("approval") { Input = new Dictionary<string, JsonNode?> { ["amount"] = 500 } });
        var ended = await harness.Runtime.StartAsync(new StartRequest("approval") { Input = new Dictionary<string, JsonNode?> { ["amount"] = 700 } });
        await harness.Runtime.CancelAsync(ended.Id);

        var big = new VariableCondition("amount", VariableOperator.GreaterOrEqual, "100");
        Assert.Equal([waiting.Id], (await harness.Runtime.QueryAsync(new InstanceQuery { Status = WorkflowStatus.Waiting, Variables = [big] })).Items.Select(i => i.Id));
        Assert.Equal([ended.Id], (await harness.Runtime.QueryAsync(new InstanceQuery { Status = WorkflowStatus.Cancelled, Variables = [big] })).Items.Select(i => i.Id));
        Assert.Equal(2, (await harness.Runtime.QueryAsync(new InstanceQuery { Variables = [big] })).Total);

        // A value changed while the case is live is found by its new value.
        await harness.Runtime.SetVariableAsync(waiting.Id, "amount", 50);
        Assert.Empty((await harness.Runtime.QueryAsync(new InstanceQuery { Status = WorkflowStatus.Waiting, Variables = [big] })).Items);
        Assert.Equal([waiting.Id], (await harness.Runtime.QueryAsync(new InstanceQuery { Status = WorkflowStatus.Waiting, Variables = [new VariableCondition("amount", VariableOperator.Equal, "50")] })).Items.Select(i => i.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task AFilterByAStartValue_FindsTheCasesStartedWithIt_ThroughTheirWholeLife(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("leave").Input("days", DataType.Number).Input("reason", DataType.String).Variable("approved", DataType.Boolean, false)
            .Node("start", "Start").Node("approve", "UserTask", ("title", "Approve"), ("assignee", "li.na")).Node("end", "End")
            .Connect("start", "approve").Connect("approve", "end", "approve").Build());
        var ids = new List<string>();
        foreach (var (days, reason) in new[] { (2, "Family visit"), (6, "Moving house"), (9, "Moving abroad") })
        {
            ids.Add((await harness.Runtime.StartAsync(new StartRequest("leave") { Input = new Dictionary<string, JsonNode?> { ["days"] = days, ["reason"] = reason } })).Id);
        }

        async Task<string[]> FindAsync(WorkflowStatus? status, params string[] conditions) =>
            [.. (await harness.Runtime.QueryAsync(new InstanceQuery
            {
                Status = status,
                Variables = [.. conditions.Select(c => VariableCondition.TryParse(c, out var condition, out var error) ? condition : throw new InvalidOperationException(error))],
            })).Items.Select(i => i.Id).Order(StringComparer.Ordinal)];

        string[] Of(params int[] which) => [.. which.Select(i => ids[i]).Order(StringComparer.Ordinal)];
        Assert.Equal(Of(1, 2), await FindAsync(WorkflowStatus.Waiting, "input.days>=5"));
        Assert.Equal(Of(1, 2), await FindAsync(null, "input.reason contains moving"));
        Assert.Equal(Of(2), await FindAsync(null, "input.days>5", "input.reason contains abroad"));
        Assert.Equal(Of(0, 1, 2), await FindAsync(null, "input.days exists"));
        // A start value is not a variable of the same name, nor the other way round.
        Assert.Empty(await FindAsync(null, "days exists"));
        Assert.Empty(await FindAsync(null, "input.approved exists"));
        Assert.Equal(Of(0, 1, 2), await FindAsync(null, "approved=false"));

        // A variable change keeps the start values' rows; the case ended is still found by them, under its status.
        await harness.Runtime.SetVariableAsync(ids[1], "approved", true);
        await harness.Runtime.CancelAsync(ids[2]);
        Assert.Equal(Of(1), await FindAsync(WorkflowStatus.Waiting, "input.days>=5"));
        Assert.Equal(Of(2), await FindAsync(WorkflowStatus.Cancelled, "input.days>=5"));
        Assert.Equal(Of(1, 2), await FindAsync(null, "input.days>=5"));
    }

    /// <summary>Each filter the totals answer, against the instances themselves (the export's stream counts them).</summary>
    private static async Task AssertTotalsAsync(RuntimeHarness harness, string when)
    {
        InstanceQuery[] filters =
        [
            new(),
            new() { DefinitionId = "post" },
            new() { DefinitionId = "approval", Version = 1 },
            new() { DefinitionId = "approval", Version = 2 },
            new() { Status = WorkflowStatus.Waiting },
            new() { Status = WorkflowStatus.Completed },
            new() { Status = WorkflowStatus.Cancelled },
            new() { Status = WorkflowStatus.Suspended },
            new() { HasIncidents = true },
            new() { HasIncidents = false, DefinitionId = "post" },
            new() { DefinitionId = "approval", Status = WorkflowStatus.Waiting },
        ];
        foreach (var filter in filters)
        {
            var counted = 0;
            await foreach (var _ in harness.Instances.StreamAsync(filter))
            {
                counted++;
            }

            Assert.True((await harness.Runtime.QueryAsync(filter with { Take = 1 })).Total == counted, $"{when}: {filter} gave a total other than the {counted} instances it selects");
        }
    }
}
