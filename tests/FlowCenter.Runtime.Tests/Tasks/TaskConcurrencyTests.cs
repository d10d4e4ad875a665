using FlowCenter.Engine.State;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Runtime.Tests.TestSupport;
using static FlowCenter.Runtime.Tests.Tasks.TaskTestSupport;

namespace FlowCenter.Runtime.Tests.Tasks;

/// <summary>Decisions at the same moment, on every provider: exactly one counts, the others are told.</summary>
public sealed class TaskConcurrencyTests
{
    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task AnyOne_TwoApproversAtOnce_ExactlyOneDecisionCounts(DatabaseProvider provider)
    {
        await using var harness = await HarnessAsync(provider);
        await using var other = await harness.StartAnotherAsync();
        var id = await StartOneStepAsync(harness, "race", ("assignee", "a1,a2"), ("mode", "any"));
        var group = await GroupAsync(harness, id);

        var results = await Task.WhenAll(
            Attempt(harness.Tasks, new TaskCommand(ItemOf(group, "a1").Id, "a1", TaskAction.Decide) { Outcome = "approve" }),
            Attempt(other.Tasks, new TaskCommand(ItemOf(group, "a2").Id, "a2", TaskAction.Decide) { Outcome = "reject" }));

        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r is { AlreadyHandled: true });
        Assert.Single(await harness.Cases.HistoryAsync(id, TestSupport.RuntimeHarness.Operator), h => h.Action == TaskAction.Decide);
        Assert.Equal(WorkflowStatus.Completed, await StatusAsync(harness, id));
    }

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task SameButton_FromTwoTabsAtOnce_OneDecisionRecorded(DatabaseProvider provider)
    {
        await using var harness = await HarnessAsync(provider);
        var id = await StartOneStepAsync(harness, "tabs", ("assignee", "a1,a2"), ("mode", "all"));
        var command = new TaskCommand(ItemOf(await GroupAsync(harness, id), "a1").Id, "a1", TaskAction.Decide) { Outcome = "approve" };

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Attempt(harness.Tasks, command)));

        Assert.Single(results, r => r is null);
        Assert.Single(await harness.Cases.HistoryAsync(id, TestSupport.RuntimeHarness.Operator), h => h.Action == TaskAction.Decide);
        Assert.Equal(WorkflowStatus.Waiting, await StatusAsync(harness, id));
    }

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task TwoHundredTasks_DecidedAtOnceFromTwoNodes_EachDecidedOnce(DatabaseProvider provider)
    {
        await using var harness = await HarnessAsync(provider);
        await using var other = await harness.StartAnotherAsync();
        string[] approvers = ["boss", "lina", "zw", "a1", "a2", "a3", "admin"];
        await harness.PublishAsync(new WorkflowBuilder("crowd").Input("approver")
            .Node("start", "Start").Node("task", "UserTask", ("title", "Approve"), ("assignee", new Js("input.approver"))).Node("end", "End")
            .Connect("start", "task").Connect("task", "end", "approve").Connect("task", "end", "reject").Build());
        var ids = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            ids.Add((await harness.Runtime.StartAsync(new Runtime.Execution.StartRequest("crowd")
            {
                StartedBy = FlowCenter.Runtime.Instances.Starter.Person("zw"), Input = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["approver"] = approvers[i % approvers.Length] },
            })).Id);
        }

        var commands = new List<TaskCommand>();
        foreach (var id in ids)
        {
            var item = (await GroupAsync(harness, id)).Items.Single();
            commands.Add(new TaskCommand(item.Id, item.Assignee!, TaskAction.Decide) { Outcome = "approve" });
        }

        // Every approver clicks at once, and every click arrives twice (two tabs, two server nodes).
        var results = await Task.WhenAll(commands.SelectMany(c => new[] { Attempt(harness.Tasks, c), Attempt(other.Tasks, c) }));

        Assert.Equal(200, results.Count(r => r is null));
        Assert.Equal(200, results.Count(r => r is { AlreadyHandled: true }));
        foreach (var id in ids)
        {
            Assert.Single(await harness.Cases.HistoryAsync(id, TestSupport.RuntimeHarness.Operator), h => h.Action == TaskAction.Decide);
            Assert.Equal(WorkflowStatus.Completed, await StatusAsync(harness, id));
        }
    }

    private static async Task<TaskActionException?> Attempt(TaskService tasks, TaskCommand command)
    {
        try
        {
            await tasks.ActAsync(command);
            return null;
        }
        catch (TaskActionException ex)
        {
            return ex;
        }
    }
}
