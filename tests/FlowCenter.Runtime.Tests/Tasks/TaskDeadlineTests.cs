using FlowCenter.Engine.State;
using FlowCenter.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;
using static FlowCenter.Runtime.Tests.Tasks.TaskTestSupport;

namespace FlowCenter.Runtime.Tests.Tasks;

/// <summary>Due dates, timeout actions and reminders on a fake clock; a decision left unresumed is caught up.</summary>
public sealed class TaskDeadlineTests
{
    [Theory]
    [InlineData("approve", "approved")]
    [InlineData("reject", "rejected")]
    public async Task Overdue_ApproveOrReject_DecidesTheStep(string action, string endNode)
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "late", ("assignee", "lina"), ("dueIn", "P2D"), ("timeoutAction", action));

        harness.Clock.Advance(TimeSpan.FromDays(1));
        await harness.Tasks.ProcessDueAsync();
        Assert.Equal(WorkflowStatus.Waiting, await StatusAsync(harness, id));
        harness.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await harness.Tasks.ProcessDueAsync();

        Assert.Contains((await harness.Runtime.GetAsync(id))!.Journal, j => j.NodeId == endNode);
        Assert.Contains(await harness.Cases.HistoryAsync(id, TestSupport.RuntimeHarness.Operator), h => h.Action == TaskAction.Timeout && h.User == "system");
    }

    [Fact]
    public async Task Overdue_Escalate_GivesTheTaskToTheAssigneesManager()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "escalate", ("assignee", "zw"), ("dueIn", "PT4H"), ("timeoutAction", "escalate"));

        harness.Clock.Advance(TimeSpan.FromHours(5));
        await harness.Tasks.ProcessDueAsync();
        await harness.Tasks.ProcessDueAsync();

        var group = await GroupAsync(harness, id);
        Assert.Equal(["lina"], group.Items.Where(i => i.Status == TaskItemStatus.Open).Select(i => i.Assignee));
        Assert.Single(await harness.Cases.HistoryAsync(id, TestSupport.RuntimeHarness.Operator), h => h.Action == TaskAction.Escalate);
    }

    [Fact]
    public async Task Reminders_ComeEveryIntervalWhileTheStepIsOpen()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "remind", ("assignee", "lina"), ("remindEvery", "PT1H"));

        for (var hour = 0; hour < 3; hour++)
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(61));
            await harness.Tasks.ProcessDueAsync();
        }

        await DecideAsync(harness, await GroupAsync(harness, id), "lina", "approve");
        harness.Clock.Advance(TimeSpan.FromHours(2));
        await harness.Tasks.ProcessDueAsync();

        Assert.Equal(3, (await harness.Cases.HistoryAsync(id, TestSupport.RuntimeHarness.Operator)).Count(h => h.Action == TaskAction.Remind));
    }

    [Fact]
    public async Task StartUp_UserTaskWithoutItsStep_GetsItsItems()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "lost", ("assignee", "lina"));
        // As if the process stopped between the instance's commit and the step's creation.
        await using (var db = harness.Database.Contexts.CreateDbContext())
        {
            await db.TaskItems.Where(i => i.InstanceId == id).ExecuteDeleteAsync();
            await db.TaskGroups.Where(g => g.InstanceId == id).ExecuteDeleteAsync();
        }

        Assert.Empty(await harness.TaskStore.ListGroupsAsync(id));
        await using var restarted = await harness.StartAnotherAsync();

        Assert.Equal("lina", (await GroupAsync(restarted, id)).Items.Single().Assignee);
    }

    [Fact]
    public async Task DecidedButNotResumed_IsResumedByTheNextSweep()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "crash", ("assignee", "lina"));
        var group = await GroupAsync(harness, id);
        var item = group.Items.Single();
        // As if the process stopped right after committing the decision: the step is decided, the workflow not resumed.
        (item.Status, item.Outcome, item.DecidedBy, item.DecidedAt) = (TaskItemStatus.Completed, "approve", "lina", harness.Clock.GetUtcNow());
        (group.Status, group.Outcome, group.Decision) = (TaskGroupStatus.Decided, "approve", new System.Text.Json.Nodes.JsonObject { ["outcome"] = "approve", ["user"] = "lina" });
        await harness.TaskStore.SaveGroupAsync(group, group.Revision, [], []);

        await using var restarted = await harness.StartAnotherAsync();
        await restarted.Tasks.ProcessDueAsync();

        Assert.Equal(WorkflowStatus.Completed, await StatusAsync(restarted, id));
        Assert.NotNull((await GroupAsync(restarted, id)).ResumedAt);
    }
}
