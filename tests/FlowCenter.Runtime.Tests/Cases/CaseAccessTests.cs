using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Requests;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Runtime.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FlowCenter.Runtime.Tests.Tasks.TaskTestSupport;

namespace FlowCenter.Runtime.Tests.Cases;

/// <summary>The one rule for a case's data, held in the services: who takes part sees it, operators see all, others nothing.</summary>
public sealed class CaseAccessTests
{
    private static readonly Caller Requester = new("zw", []);
    private static readonly Caller Approver = new("lina", []);
    private static readonly Caller Stranger = new("a1", ["Finance"]);

    [Fact]
    public async Task GetTask_ByRequesterApproverOperator_IsShown_ByAStranger_IsNot()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "rights", ("assignee", "lina"));
        var item = ItemOf(await GroupAsync(harness, id), "lina");

        Assert.NotNull(await harness.Cases.GetTaskAsync(item.Id, Approver));
        Assert.NotNull(await harness.Cases.GetTaskAsync(item.Id, Requester));
        Assert.NotNull(await harness.Cases.GetTaskAsync(item.Id, RuntimeHarness.Operator));
        Assert.Null(await harness.Cases.GetTaskAsync(item.Id, Stranger));
        Assert.Null(await harness.Cases.GetInstanceAsync(id, Stranger));
        Assert.Empty(await harness.Cases.HistoryAsync(id, Stranger));
        Assert.Null(await harness.Cases.GetInstanceAsync(id, new Caller("", [])));
        Assert.NotNull(await harness.Cases.GetInstanceAsync(id, Requester));
    }

    [Fact]
    public async Task PoolCandidatesByRole_AndPeopleCopied_TakePart()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "pool", ("assignTo", "role"), ("assignee", JsonNode.Parse("""["Finance"]""")), ("mode", "single"), ("carbonCopy", "boss"));
        var item = (await GroupAsync(harness, id)).Items.Single();

        Assert.NotNull(await harness.Cases.GetTaskAsync(item.Id, new Caller("a2", ["Finance"])));
        Assert.NotNull(await harness.Cases.GetInstanceAsync(id, new Caller("boss", [])));
        Assert.Null(await harness.Cases.GetInstanceAsync(id, new Caller("lina", [])));
    }

    [Fact]
    public async Task CommentOrCopy_ByAStranger_IsRefusedAsIfThereWereNoTask_AndUnlocksNothing()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "nosy", ("assignee", "lina"));
        var item = ItemOf(await GroupAsync(harness, id), "lina");

        var comment = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.ActAsync(new TaskCommand(item.Id, "a1", TaskAction.Comment) { Comment = "let me in" }));
        var copy = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.ActAsync(new TaskCommand(item.Id, "a1", TaskAction.CarbonCopy) { Target = "a1" }));

        Assert.Equal($"There is no task '{item.Id}'.", comment.Message);
        Assert.Equal(comment.Message, copy.Message);
        Assert.Null(await harness.Cases.GetInstanceAsync(id, Stranger));
        Assert.DoesNotContain(await harness.Cases.HistoryAsync(id, RuntimeHarness.Operator), h => h.User == "a1");
    }

    [Fact]
    public async Task CarbonCopy_ToUnknownPeopleOrTooMany_IsRefusedAndNothingStored()
    {
        await using var harness = await HarnessAsync();
        var id = await StartOneStepAsync(harness, "copies", ("assignee", "lina"));
        var item = ItemOf(await GroupAsync(harness, id), "lina");

        var unknown = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.CarbonCopy) { Target = "a2, nobody" }));
        var many = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.CarbonCopy)
        {
            Target = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"ghost{i}")),
        }));
        await harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.CarbonCopy) { Target = "a2, A2" });

        Assert.Contains("'nobody'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("at most 20", many.Message, StringComparison.Ordinal);
        Assert.Empty((await harness.Tasks.CopiesAsync("nobody")).Items);
        Assert.Single((await harness.Tasks.CopiesAsync("a2")).Items);
    }

    [Fact]
    public async Task Incident_Details_ForOperatorsOnly()
    {
        await using var harness = await HarnessAsync();
        await harness.PublishAsync(new WorkflowBuilder("broken")
            .Node("start", "Start").Node("task", "UserTask", ("assignee", "lina"), ("title", "t")).Node("fail", "Fail", ("message", "the MES said no")).Node("end", "End")
            .Connect("start", "task").Connect("task", "fail", "approve").Connect("task", "end", "reject").Build());
        var id = (await harness.Runtime.StartAsync(new StartRequest("broken") { StartedBy = FlowCenter.Runtime.Instances.Starter.Person("zw") })).Id;
        await DecideAsync(harness, await GroupAsync(harness, id), "lina", "approve");

        var seenByRequester = (await harness.Cases.GetInstanceAsync(id, Requester))!;
        var seenByOperator = (await harness.Cases.GetInstanceAsync(id, RuntimeHarness.Operator))!;

        Assert.Contains("the MES said no", Assert.Single(seenByRequester.Incidents).Message, StringComparison.Ordinal);
        Assert.Null(seenByRequester.Incidents.Single().Detail);
        Assert.NotNull(seenByOperator.Incidents.Single().Detail);
    }

    [Fact]
    public async Task Decision_CarriesOnlyTheFormsEditableFields_CheckedByType_EvenWhenRejecting()
    {
        await using var harness = await HarnessAsync();
        var form = JsonNode.Parse("""{ "fields": [ { "name": "note", "label": "Note", "type": "text" }, { "name": "qty", "label": "Quantity", "type": "number", "max": 10 } ] }""");
        var id = await StartOneStepAsync(harness, "bypass", ("assignee", "lina"), ("form", form));
        var item = ItemOf(await GroupAsync(harness, id), "lina");

        var forged = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.Decide) { Outcome = "approve", Data = new JsonObject { ["total"] = 1 } }));
        var rejectForged = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.Decide) { Outcome = "reject", Data = new JsonObject { ["total"] = 1 } }));
        var wrongTypes = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.Decide)
        {
            Outcome = "approve",
            Data = new JsonObject { ["note"] = new JsonObject { ["x"] = 1 }, ["qty"] = "11" },
        }));
        var deep = JsonNode.Parse(string.Concat(Enumerable.Repeat("[", 60)) + string.Concat(Enumerable.Repeat("]", 60)))!;
        var tooDeep = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.Decide)
        {
            Outcome = "approve",
            Data = new JsonObject { ["note"] = new JsonObject { ["a"] = new JsonObject { ["b"] = new JsonObject { ["c"] = new JsonObject { ["d"] = new JsonObject { ["e"] = deep } } } } } },
        }));

        Assert.Contains("'total' is not a field of this form", forged.Message, StringComparison.Ordinal);
        Assert.Contains("'total' is not a field of this form", rejectForged.Message, StringComparison.Ordinal);
        Assert.Contains("'Note' must be text", wrongTypes.Message, StringComparison.Ordinal);
        Assert.Contains("'Quantity' must be a number", wrongTypes.Message, StringComparison.Ordinal);
        Assert.Contains("deeper than 64 levels", tooDeep.Message, StringComparison.Ordinal);
        var instance = (await harness.Runtime.GetAsync(id))!;
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);
        Assert.False(instance.Variables.ContainsKey("total"));
        Assert.Equal(TaskGroupStatus.Open, (await GroupAsync(harness, id)).Status);

        await harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.Decide) { Outcome = "approve", Data = new JsonObject { ["note"] = "fine", ["qty"] = 3 } });
        Assert.Equal(WorkflowStatus.Completed, await StatusAsync(harness, id));
    }

    [Fact]
    public async Task Decision_TheCaseCannotTake_IsUndone_AndTheStepIsOpenAgain()
    {
        await using var harness = await HarnessAsync();
        // The node's outcome rule refuses what the person chose: the decision is saved, the resume is refused.
        var id = await StartOneStepAsync(harness, "refused", ("assignee", "lina"));
        var item = ItemOf(await GroupAsync(harness, id), "lina");
        await using (var db = harness.Services.GetRequiredService<FlowCenter.Persistence.FlowCenterDbContextFactory>().CreateDbContext())
        {
            var bookmark = await db.Bookmarks.SingleAsync(b => b.InstanceId == id);
            var data = JsonNode.Parse(bookmark.Data!)!.AsObject();
            data["outcomes"] = new JsonArray("approve");
            bookmark.Data = data.ToJsonString();
            await db.SaveChangesAsync();
        }

        var refused = await Assert.ThrowsAsync<TaskActionException>(() => harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.Decide) { Outcome = "reject" }));

        var group = await GroupAsync(harness, id);
        Assert.Contains("was not taken", refused.Message, StringComparison.Ordinal);
        Assert.Equal(TaskGroupStatus.Open, group.Status);
        Assert.Equal(TaskItemStatus.Open, group.Items.Single().Status);
        Assert.Contains(await harness.Cases.HistoryAsync(id, RuntimeHarness.Operator), h => h.Action == TaskAction.Reopened);
        Assert.Single((await harness.Tasks.QueryAsync(new TaskQuery(TaskBox.ToDo, "lina"))).Items);
        await harness.Tasks.ActAsync(new TaskCommand(item.Id, "lina", TaskAction.Decide) { Outcome = "approve" });
        Assert.Equal(WorkflowStatus.Completed, await StatusAsync(harness, id));
    }

    [Fact]
    public async Task Event_WithAKeySeveralInstancesWaitFor_IsRefused_AndResumesNothing()
    {
        await using var harness = await HarnessAsync();
        await harness.PublishAsync(new WorkflowBuilder("receipt")
            .Node("start", "Start").Node("wait", "WaitEvent", ("eventName", "goods.received"), ("correlationKey", "PO-1")).Node("end", "End").Chain("start", "wait", "end").Build());
        var first = await harness.Runtime.StartAsync(new StartRequest("receipt"));
        var second = await harness.Runtime.StartAsync(new StartRequest("receipt"));

        var refused = await Assert.ThrowsAsync<AmbiguousCorrelationException>(() => harness.Runtime.PublishEventAsync("goods.received", "PO-1", null, "webhook:wms"));

        Assert.Contains(first.Id, refused.Message, StringComparison.Ordinal);
        Assert.Equal(WorkflowStatus.Waiting, await StatusAsync(harness, first.Id));
        Assert.Equal(WorkflowStatus.Waiting, await StatusAsync(harness, second.Id));
        await harness.Runtime.CancelAsync(second.Id);
        Assert.Equal(1, (await harness.Runtime.PublishEventAsync("goods.received", "PO-1", null, "webhook:wms")).Resumed);
        Assert.Equal("webhook:wms", (await harness.Runtime.GetAsync(first.Id))!.Journal.Single(j => j.NodeId == "wait").ResumedBy);
    }

    [Fact]
    public async Task Start_OfAVersionNotPublished_ByAPersonWhoIsNoDesigner_IsRefused()
    {
        await using var harness = await HarnessAsync();
        var definition = new WorkflowBuilder("draft-only").Node("start", "Start").Node("end", "End").Chain("start", "end").Build();
        await harness.PublishAsync(definition);
        var draft = await harness.Definitions.SaveDraftAsync(definition);

        var refused = await Assert.ThrowsAsync<DefinitionVersionException>(() => harness.Runtime.StartAsync(new StartRequest("draft-only") { Version = draft.Version, Caller = Requester }));
        var tested = await harness.Runtime.StartAsync(new StartRequest("draft-only") { Version = draft.Version, Caller = new Caller("designer", [Roles.Designer]) });
        var published = await harness.Runtime.StartAsync(new StartRequest("draft-only") { Version = 1, Caller = Requester });

        Assert.Contains("only designers", refused.Message, StringComparison.Ordinal);
        Assert.Equal(draft.Version, tested.DefinitionVersion);
        Assert.Equal(WorkflowStatus.Completed, published.Status);
    }

    [Fact]
    public async Task Submit_KeepsTheStartFormsRules_AndTheRequesterIsTheCaller()
    {
        await using var harness = await HarnessAsync();
        var form = JsonNode.Parse("""{ "fields": [ { "name": "amount", "label": "Amount", "type": "number", "required": true, "min": 1 }, { "name": "code", "label": "Code", "type": "text", "pattern": "^[A-Z]{3}$" } ] }""");
        await harness.PublishAsync(new WorkflowBuilder("request").Input("requester", DataType.String).Input("amount", DataType.Number).Input("code", DataType.String)
            .Node("start", "Start", ("form", form)).Node("end", "End").Chain("start", "end").Build());
        var requests = harness.Services.GetRequiredService<RequestService>();

        var bad = await Assert.ThrowsAsync<ArgumentException>(() => requests.SubmitAsync("request", new Dictionary<string, JsonNode?> { ["amount"] = 0, ["code"] = "abc", ["total"] = 5 }, Requester));
        var missing = await Assert.ThrowsAsync<ArgumentException>(() => requests.SubmitAsync("request", new Dictionary<string, JsonNode?> { ["code"] = "ABC" }, Requester));
        var started = await requests.SubmitAsync("request", new Dictionary<string, JsonNode?> { ["amount"] = 5, ["code"] = "ABC", ["requester"] = "boss" }, Requester);

        Assert.Contains("'Amount' must be at least 1", bad.Message, StringComparison.Ordinal);
        Assert.Contains("'Code' does not have the expected form", bad.Message, StringComparison.Ordinal);
        Assert.Contains("'total' is not a field", bad.Message, StringComparison.Ordinal);
        Assert.Contains("'Amount' is required", missing.Message, StringComparison.Ordinal);
        Assert.Equal("zw", started.Input["requester"]!.GetValue<string>());
        Assert.Equal(1, (await harness.Runtime.QueryAsync(new Runtime.Instances.InstanceQuery { DefinitionId = "request" })).Total);
    }
}
