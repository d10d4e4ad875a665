using FlowCenter.Engine.State;
using FlowCenter.Runtime.Tasks;
using static FlowCenter.Runtime.Tests.Tasks.TaskTestSupport;

namespace FlowCenter.Runtime.Tests.Tasks;

/// <summary>How many must decide: single, sequential, all (会签), any (或签), percent.</summary>
public sealed class ApprovalModeTests
{
    private const string Finance = "Finance";

    [Fact]
    public async Task Single_SeveralPeople_MakeAPoolTheFirstClaimerDecides()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "single", ("assignTo", "role"), ("assignee", Finance));
        var pool = (await GroupAsync(harness, id)).Items.Single();

        await harness.Tasks.ActAsync(new TaskCommand(pool.Id, "a1", TaskAction.Claim));
        var late = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.ActAsync(new TaskCommand(pool.Id, "a2", TaskAction.Claim)));
        await harness.Tasks.ActAsync(new TaskCommand(pool.Id, "a1", TaskAction.Unclaim));
        await harness.Tasks.ActAsync(new TaskCommand(pool.Id, "a2", TaskAction.Claim));
        await DecideAsync(harness, await GroupAsync(harness, id), "a2", "approve");

        Assert.True(late.AlreadyHandled);
        Assert.Equal(WorkflowStatus.Completed, await StatusAsync(harness, id));
    }

    [Fact]
    public async Task Sequential_OpensOneAfterAnother_AndARejectionEndsIt()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "seq", ("assignee", "a1,a2,a3"), ("mode", "sequential"));
        Assert.Equal([TaskItemStatus.Open, TaskItemStatus.Waiting, TaskItemStatus.Waiting], (await GroupAsync(harness, id)).Items.Select(i => i.Status));

        await DecideAsync(harness, await GroupAsync(harness, id), "a1", "approve");
        var afterFirst = await GroupAsync(harness, id);
        await DecideAsync(harness, afterFirst, "a2", "reject", "price too high");
        var done = await GroupAsync(harness, id);

        Assert.Equal([TaskItemStatus.Completed, TaskItemStatus.Open, TaskItemStatus.Waiting], afterFirst.Items.Select(i => i.Status));
        Assert.Equal((TaskGroupStatus.Decided, "reject"), (done.Status, done.Outcome));
        Assert.Equal(TaskItemStatus.Cancelled, done.Items[2].Status);
        Assert.Equal(WorkflowStatus.Completed, await StatusAsync(harness, id));
        Assert.Contains((await harness.Runtime.GetAsync(id))!.Journal, j => j.NodeId == "rejected");
    }

    [Fact]
    public async Task All_Countersign_ApprovesOnlyWhenEveryoneApproves()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "all", ("assignee", "a1,a2"), ("mode", "all"));

        await DecideAsync(harness, await GroupAsync(harness, id), "a2", "approve");
        Assert.Equal(WorkflowStatus.Waiting, await StatusAsync(harness, id));
        await DecideAsync(harness, await GroupAsync(harness, id), "a1", "approve");

        Assert.Equal("approve", (await GroupAsync(harness, id)).Outcome);
        Assert.Contains((await harness.Runtime.GetAsync(id))!.Journal, j => j.NodeId == "approved");
    }

    [Fact]
    public async Task Any_TheFirstDecisionCounts_TheOtherFindsItDone()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "any", ("assignee", "a1,a2"), ("mode", "any"));
        var group = await GroupAsync(harness, id);
        var second = ItemOf(group, "a2");

        await DecideAsync(harness, group, "a1", "reject");
        var late = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.ActAsync(new TaskCommand(second.Id, "a2", TaskAction.Decide) { Outcome = "approve" }));

        Assert.True(late.AlreadyHandled);
        Assert.Equal(TaskItemStatus.Cancelled, (await GroupAsync(harness, id)).Items.Single(i => i.Id == second.Id).Status);
        Assert.Contains((await harness.Runtime.GetAsync(id))!.Journal, j => j.NodeId == "rejected");
    }

    [Theory]
    [InlineData("approve,approve", "approve")]
    [InlineData("reject,approve,approve", "approve")]
    [InlineData("reject,reject", "reject")]
    public async Task Percent_SixtyOfThree_NeedsTwoApprovals(string decisions, string outcome)
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "pct", ("assignee", "a1,a2,a3"), ("mode", "percent"), ("percent", 60));
        var users = new[] { "a1", "a2", "a3" };
        var steps = decisions.Split(',');

        for (var i = 0; i < steps.Length; i++)
        {
            await DecideAsync(harness, await GroupAsync(harness, id), users[i], steps[i]);
        }

        Assert.Equal((TaskGroupStatus.Decided, outcome), ((await GroupAsync(harness, id)).Status, (await GroupAsync(harness, id)).Outcome));
    }

    [Fact]
    public async Task LatestDecisions_GivesEachDecidedInstanceItsLastDecision()
    {
        await using var harness = await HarnessAsync();
        var decided = await StartOneStepAsync(harness, "decided", ("assignee", "a1,a2"), ("mode", "sequential"));
        var open = await StartOneStepAsync(harness, "open", ("assignee", "lina"));
        await DecideAsync(harness, await GroupAsync(harness, decided), "a1", "approve");
        await DecideAsync(harness, await GroupAsync(harness, decided), "a2", "reject", "too dear");

        var latest = await harness.Tasks.LatestDecisionsAsync([decided, open]);

        var last = Assert.Single(latest).Value;
        Assert.Equal((decided, "a2", "reject", "too dear"), (last.InstanceId, last.User, last.Target, last.Comment));
    }

    [Fact]
    public async Task Decide_ClickedTwice_RecordsOneDecision()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "twice", ("assignee", "lina"));
        var item = ItemOf(await GroupAsync(harness, id), "lina");
        var command = new TaskCommand(item.Id, "lina", TaskAction.Decide) { Outcome = "approve" };

        await harness.Tasks.ActAsync(command);
        var again = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.ActAsync(command));

        Assert.True(again.AlreadyHandled);
        Assert.Single(await harness.Cases.HistoryAsync(id, TestSupport.RuntimeHarness.Operator), h => h.Action == TaskAction.Decide);
    }
}
