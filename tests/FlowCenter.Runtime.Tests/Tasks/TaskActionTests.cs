using System.Text.Json.Nodes;
using FlowCenter.Engine.State;
using FlowCenter.Runtime.Tasks;
using Microsoft.Extensions.DependencyInjection;
using static FlowCenter.Runtime.Tests.Tasks.TaskTestSupport;

namespace FlowCenter.Runtime.Tests.Tasks;

/// <summary>What an approver can do besides deciding: transfer, delegate, add approvers, copy, comment, return.</summary>
public sealed class TaskActionTests
{
    [Fact]
    public async Task Transfer_HandsTheItemToAnother_WhoDecides()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "transfer", ("assignee", "lina"));
        var item = ItemOf(await GroupAsync(harness, id), "lina");

        await harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.Transfer) { Target = "boss", Comment = "you know this supplier" });
        var stale = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.Decide) { Outcome = "approve" }));
        await DecideAsync(harness, await GroupAsync(harness, id), "boss", "approve");

        Assert.True(stale.AlreadyHandled);
        Assert.Equal(WorkflowStatus.Completed, await StatusAsync(harness, id));
        var transfer = Assert.Single(await harness.Cases.HistoryAsync(id, TestSupport.RuntimeHarness.Operator), h => h.Action == TaskAction.Transfer);
        Assert.Equal(("lina", "boss", "you know this supplier"), (transfer.User, transfer.Target, transfer.Comment));
        Assert.Single((await harness.Tasks.QueryAsync(new TaskQuery(TaskBox.Done, "lina"))).Items);
    }

    [Fact]
    public async Task Delegate_TheDelegateDecidesOnBehalfOfTheOwner()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "delegate", ("assignee", "boss"));
        var item = ItemOf(await GroupAsync(harness, id), "boss");

        await harness.Tasks.ActAsync(new TaskCommand(item.Id, "boss", TaskAction.Delegate) { Target = "lina" });
        await harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.Decide) { Outcome = "approve", Comment = "ok for the boss" });

        var decision = Assert.Single(await harness.Cases.HistoryAsync(id, TestSupport.RuntimeHarness.Operator), h => h.Action == TaskAction.Decide);
        Assert.Equal(("lina", "boss", "approve"), (decision.User, decision.OnBehalfOf, decision.Target));
        Assert.Equal(WorkflowStatus.Completed, await StatusAsync(harness, id));
    }

    [Fact]
    public async Task OutOfOffice_TasksGoToTheStandInWhileAway_AndToThePersonAfter()
    {
        await using var harness = await HarnessAsync();
        var now = harness.Clock.GetUtcNow();
        await harness.Delegations.AddAsync(new FlowCenter.Runtime.Organization.DelegationRule(0, "lina", "boss", now, now.AddDays(3)));
        var away = await StartOneStepAsync(harness, "away", ("assignee", "lina"));

        var item = (await GroupAsync(harness, away)).Items.Single();
        await harness.Tasks.ActAsync(new TaskCommand(item.Id, "boss", TaskAction.Decide) { Outcome = "approve" });
        harness.Clock.Advance(TimeSpan.FromDays(4));
        var back = await harness.Runtime.StartAsync(new FlowCenter.Runtime.Execution.StartRequest("away") { StartedBy = FlowCenter.Runtime.Instances.Starter.Person("zw") });

        Assert.Equal(("boss", "lina"), (item.Assignee, item.Owner));
        Assert.Single(await harness.Cases.HistoryAsync(away, TestSupport.RuntimeHarness.Operator), h => h is { Action: TaskAction.Decide, User: "boss", OnBehalfOf: "lina" });
        Assert.Equal(WorkflowStatus.Completed, await StatusAsync(harness, away));
        Assert.Equal("lina", (await GroupAsync(harness, back.Id)).Items.Single().Assignee);
    }

    [Fact]
    public async Task Attach_ByTheAssigneeWithinTheLimit_IsKeptAndNoted()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "files", ("assignee", "lina"));
        var item = ItemOf(await GroupAsync(harness, id), "lina");

        var quote = await harness.Tasks.AttachAsync(item.Id, "lina", "C:\\quotes\\报价单.pdf", "application/pdf", [1, 2, 3]);
        var stranger = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.AttachAsync(item.Id, "a1", "x.txt", "text/plain", [1]));
        var huge = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.AttachAsync(item.Id, "lina", "big.bin", "application/octet-stream", new byte[(10 * 1024 * 1024) + 1]));

        Assert.Equal(("报价单.pdf", 3L), (quote.FileName, quote.Size));
        Assert.Equal([1, 2, 3], (await harness.Services.GetRequiredService<IAttachmentStore>().OpenAsync(quote.Id))!.Value.Content);
        Assert.Contains("lina", stranger.Message, StringComparison.Ordinal);
        Assert.Contains("10 MiB", huge.Message, StringComparison.Ordinal);
        Assert.Single(await harness.Cases.AttachmentsAsync(id, TestSupport.RuntimeHarness.Operator));
        Assert.Single(await harness.Cases.HistoryAsync(id, TestSupport.RuntimeHarness.Operator), h => h is { Action: TaskAction.Attach, Target: "报价单.pdf" });
    }

    [Fact]
    public async Task AddBefore_TheAddedApproverDecidesFirst_ThenTheOriginalOne()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "before", ("assignee", "lina"));
        var item = ItemOf(await GroupAsync(harness, id), "lina");

        await harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.AddBefore) { Target = "a1" });
        var early = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.Decide) { Outcome = "approve" }));
        await DecideAsync(harness, await GroupAsync(harness, id), "a1", "approve");
        Assert.Equal(WorkflowStatus.Waiting, await StatusAsync(harness, id));
        await DecideAsync(harness, await GroupAsync(harness, id), "lina", "approve");

        Assert.False(early.AlreadyHandled);
        Assert.Equal(WorkflowStatus.Completed, await StatusAsync(harness, id));
    }

    [Fact]
    public async Task AddAfter_TheStepWaitsForTheAddedApprover()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "after", ("assignee", "lina"));
        var item = ItemOf(await GroupAsync(harness, id), "lina");

        await harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.AddAfter) { Target = "boss" });
        await DecideAsync(harness, await GroupAsync(harness, id), "lina", "approve");
        Assert.Equal(WorkflowStatus.Waiting, await StatusAsync(harness, id));
        await DecideAsync(harness, await GroupAsync(harness, id), "boss", "reject", "not this quarter");

        Assert.Equal("reject", (await GroupAsync(harness, id)).Outcome);
    }

    [Fact]
    public async Task CarbonCopyAndComment_AreKeptAndListed()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "copy", ("assignee", "lina"), ("carbonCopy", "a1"));
        var item = ItemOf(await GroupAsync(harness, id), "lina");

        await harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.CarbonCopy) { Target = "a2, a3" });
        await harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.Comment) { Comment = "checking the budget" });

        Assert.Equal("Approve copy", (await harness.Tasks.CopiesAsync("a1")).Items.Single().Title);
        Assert.Equal("lina", (await harness.Tasks.CopiesAsync("a3")).Items.Single().FromUser);
        Assert.Contains(await harness.Cases.HistoryAsync(id, TestSupport.RuntimeHarness.Operator), h => h is { Action: TaskAction.Comment, Comment: "checking the budget" });
        Assert.Equal(WorkflowStatus.Waiting, await StatusAsync(harness, id));
    }

    [Fact]
    public async Task Return_SendsTheCaseBackToAnEarlierStep_WhichIsAssignedAgain()
    {
        await using var harness = await HarnessAsync();
        await harness.PublishAsync(new WorkflowBuilder("back")
            .Node("start", "Start").Node("check", "UserTask", ("assignee", "lina")).Node("approve", "UserTask", ("assignee", "boss")).Node("end", "End")
            .Connect("start", "check").Connect("check", "approve", "approve").Connect("approve", "end", "approve").Build());
        var id = (await harness.Runtime.StartAsync(new FlowCenter.Runtime.Execution.StartRequest("back") { StartedBy = FlowCenter.Runtime.Instances.Starter.Person("zw") })).Id;
        await DecideAsync(harness, await GroupAsync(harness, id, "check"), "lina", "approve");
        var item = ItemOf(await GroupAsync(harness, id, "approve"), "boss");

        var wrong = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.ActAsync(new TaskCommand(item.Id, "boss", TaskAction.Return) { Target = "end" }));
        await harness.Tasks.ActAsync(new TaskCommand(item.Id, "boss", TaskAction.Return) { Target = "check", Comment = "attach the quote" });

        Assert.Contains("check", wrong.Message, StringComparison.Ordinal);
        var again = await GroupAsync(harness, id, "check");
        Assert.Equal((TaskGroupStatus.Open, "lina"), (again.Status, again.Items.Single().Assignee));
        Assert.Contains((await harness.Runtime.GetAsync(id))!.Journal, j => j.NodeId == "approve" && j.Outcome == "return");
        await DecideAsync(harness, again, "lina", "approve");
        await DecideAsync(harness, await GroupAsync(harness, id, "approve"), "boss", "approve");
        Assert.Equal(WorkflowStatus.Completed, await StatusAsync(harness, id));
    }

    [Fact]
    public async Task Form_RequiredAndReadOnlyFields_AreEnforcedAndValuesBecomeVariables()
    {
        await using var harness = await HarnessAsync();
        var form = JsonNode.Parse("""
            { "fields": [
              { "name": "amount", "label": "Amount", "type": "number", "required": true, "min": 1 },
              { "name": "reason", "label": "Reason", "type": "text", "required": true },
              { "name": "lines", "label": "Lines", "type": "table", "columns": [ { "name": "item", "required": true } ] } ] }
            """);
        var id = await StartOneStepAsync(harness, "form", ("assignee", "lina"), ("form", form), ("fieldAccess", JsonNode.Parse("""{ "amount": "readonly" }""")));
        var item = ItemOf(await GroupAsync(harness, id), "lina");

        var missing = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.Decide)
        {
            Outcome = "approve",
            Data = new JsonObject { ["amount"] = 5, ["lines"] = new JsonArray(new JsonObject { ["item"] = "" }) },
        }));
        await harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.Decide) { Outcome = "approve", Data = new JsonObject { ["reason"] = "urgent" } });

        Assert.Contains("'Amount' is readonly here", missing.Message, StringComparison.Ordinal);
        Assert.Contains("'Reason' is required", missing.Message, StringComparison.Ordinal);
        Assert.Contains("'Lines' row 1: 'item' is required", missing.Message, StringComparison.Ordinal);
        Assert.Equal("urgent", (await harness.Runtime.GetAsync(id))!.Variables["reason"]!.GetValue<string>());
    }
}
