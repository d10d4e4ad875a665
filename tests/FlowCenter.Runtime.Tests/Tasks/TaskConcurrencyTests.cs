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
