using FlowCenter.Engine.State;
using FlowCenter.Runtime.Tasks;
using static FlowCenter.Runtime.Tests.Tasks.TaskTestSupport;

namespace FlowCenter.Runtime.Tests.Tasks;

/// <summary>Who a step goes to, by every assignment rule.</summary>
public sealed class AssignmentTests
{
    [Theory]
    [InlineData("user", "lina", "lina")]
    [InlineData("role", "Finance", "a1,a2,a3")]
    [InlineData("position", "accountant", "a1,a2,a3")]
    [InlineData("department", "buy", "lina")]
    [InlineData("department", "fin", "a1,a2,a3")]
    public async Task Assign_ByRule_GivesEachPersonAnItem(string assignTo, string assignee, string expected)
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "assign", ("assignTo", assignTo), ("assignee", assignee), ("mode", "all"));

        var group = await GroupAsync(harness, id);

        Assert.Equal(expected.Split(','), group.Items.Select(i => i.Assignee).Order());
        Assert.All(group.Items, i => Assert.Equal(TaskItemStatus.Open, i.Status));
    }

    [Theory]
    [InlineData(1, "lina")]
    [InlineData(2, "boss")]
    public async Task Assign_ManagerLevelsUp_FollowsTheInitiatorsChain(int levels, string expected)
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "manager", ("assignTo", "manager"), ("managerLevels", levels));

        Assert.Equal(expected, (await GroupAsync(harness, id)).Items.Single().Assignee);
    }

    [Fact]
    public async Task Assign_ByExpression_TakesTheListItGives()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "expr", ("assignee", new Js("['a1', 'a3']")), ("mode", "any"));

        Assert.Equal(["a1", "a3"], (await GroupAsync(harness, id)).Items.Select(i => i.Assignee));
    }

    [Fact]
    public async Task Assign_AssigneeOfAnEarlierNode_GetsTheLaterStepToo()
    {
        await using var harness = await HarnessAsync();
        await harness.PublishAsync(new WorkflowBuilder("two")
            .Node("start", "Start").Node("first", "UserTask", ("assignTo", "role"), ("assignee", "Finance"))
            .Node("second", "UserTask", ("assignTo", "nodeAssignee"), ("assignee", "first")).Node("end", "End")
            .Connect("start", "first").Connect("first", "second", "approve").Connect("second", "end", "approve").Build());
        var id = (await harness.Runtime.StartAsync(new FlowCenter.Runtime.Execution.StartRequest("two") { StartedBy = FlowCenter.Runtime.Instances.Starter.Person("zw") })).Id;
        var first = await GroupAsync(harness, id, "first");
        var pool = first.Items.Single();
        await harness.Tasks.ActAsync(new TaskCommand(pool.Id, "a2", TaskAction.Claim));
        await DecideAsync(harness, await GroupAsync(harness, id, "first"), "a2", "approve");

        Assert.Equal("a2", (await GroupAsync(harness, id, "second")).Items.Single().Assignee);
    }

    [Fact]
    public async Task Assign_NobodyFound_AutoApprovesWhenTheNodeSaysSo()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "auto", ("assignee", "ghost"), ("autoApprove", true));

        var group = await GroupAsync(harness, id);

        Assert.Equal((TaskGroupStatus.Decided, "approve"), (group.Status, group.Outcome));
        Assert.NotNull(group.ResumedAt);
        Assert.Equal(WorkflowStatus.Completed, await StatusAsync(harness, id));
        Assert.Contains(await harness.Cases.HistoryAsync(id, TestSupport.RuntimeHarness.Operator), h => h.Action == TaskAction.AutoApprove);
    }

    [Fact]
    public async Task Assign_NobodyFound_WaitsInTheAdministratorsPool()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "nobody", ("assignee", "ghost"));

        var item = (await GroupAsync(harness, id)).Items.Single();
        var pool = await harness.Tasks.QueryAsync(new TaskQuery(TaskBox.Pool, "admin") { Roles = [FlowCenter.Runtime.Organization.Roles.Administrator] });

        Assert.True(item.IsPool);
        Assert.Equal(item.Id, pool.Items.Single().ItemId);
        Assert.Equal(WorkflowStatus.Waiting, await StatusAsync(harness, id));
    }
}
