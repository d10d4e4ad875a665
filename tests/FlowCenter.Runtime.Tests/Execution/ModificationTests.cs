using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Tests.TestSupport;

namespace FlowCenter.Runtime.Tests.Execution;

/// <summary>Moving, placing and cancelling paths: only the placed paths run, what completed never runs again, the journal says who.</summary>
public sealed class ModificationTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task MoveAPath_PastAWaitingTask_WithdrawsTheTask_RunsOnlyFromTheTarget_AndTheCaseContinuesThere(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(Flow());
        var started = await harness.Runtime.StartAsync(new StartRequest("flow") { StartedBy = FlowCenter.Runtime.Instances.Starter.Person("zhang.wei") });
        var path = Assert.Single(started.Tokens);
        Assert.Equal("check", path.NodeId);
        Assert.Single((await harness.TaskStore.ListGroupsAsync(started.Id)), g => g.NodeId == "check" && g.Status == Runtime.Tasks.TaskGroupStatus.Open);

        var before = (await harness.Instances.LoadAsync(started.Id))!.Revision;
        var plan = await harness.Runtime.PlanModificationAsync(started.Id, TokenModification.Move(path.Id, "sign"));
        var unchanged = (await harness.Instances.LoadAsync(started.Id))!;
        var moved = await harness.Runtime.ModifyAsync(started.Id, TokenModification.Move(path.Id, "sign"), "operator");

        Assert.Equal((path.Id, "check", BookmarkKind.UserTask), (plan.Cancelled.Single().TokenId, plan.Cancelled.Single().NodeId, plan.Cancelled.Single().WaitsFor.Single()));
        Assert.Equal(["sign"], plan.StandingAfter);
        Assert.Equal((before, "check"), (unchanged.Revision, unchanged.Instance.Tokens.Single().NodeId));
        Assert.Equal(plan, moved, ModificationPlanComparer.Instance);
        var instance = (await harness.Runtime.GetAsync(started.Id))!;
        Assert.Equal(["sign"], instance.Tokens.Select(t => t.NodeId));
        var check = instance.Journal.Single(e => e.NodeId == "check");
        Assert.Equal((JournalStatus.Cancelled, ModificationOutcomes.PathCancelled, "operator:operator"), (check.Status, check.Outcome, check.ResumedBy));
        Assert.Single(instance.Journal, e => e.NodeId == "sign" && e.Outcome == ModificationOutcomes.PathPlaced && e.ResumedBy == "operator:operator");
        Assert.Single(instance.Journal, e => e.NodeId == "prepare");
        var groups = await harness.TaskStore.ListGroupsAsync(started.Id);
        Assert.Equal(Runtime.Tasks.TaskGroupStatus.Closed, groups.Single(g => g.NodeId == "check").Status);
        var sign = groups.Single(g => g.NodeId == "sign" && g.Status == Runtime.Tasks.TaskGroupStatus.Open);

        await harness.Runtime.ResumeAsync(started.Id, sign.Id, JsonNode.Parse("""{"outcome":"approve"}"""));
        var done = (await harness.Runtime.GetAsync(started.Id))!;
        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(1, done.Variables["prepared"]!.GetValue<int>());
        Assert.Equal(["start", "prepare", "check", "sign", "sign", "end"], done.Journal.Select(e => e.NodeId));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task PlaceAPathBack_RunsThatStepAgainOnly_AndCancelAProblemPath_ResolvesItsIncident(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("post").Variable("prepared", DataType.Number, 0)
            .Node("start", "Start").Node("prepare", "SetVariable", ("name", "prepared"), ("value", new Js("prepared + 1")))
            .Node("post", "Script", ("script", "throw new Error('ERP refused the posting')"))
            .Node("manual", "UserTask", ("title", "Post by hand")).Node("end", "End")
            .Chain("start", "prepare", "post", "manual").Connect("manual", "end", "approve").Build());
        var started = await harness.Runtime.StartAsync(new StartRequest("post"));
        var failing = Assert.Single(started.Tokens);
        var incident = Assert.Single(started.Incidents);

        await harness.Runtime.ModifyAsync(started.Id, new TokenModification { Cancel = [failing.Id], PlaceAt = ["manual", "prepare"] }, "operator");

        var instance = (await harness.Runtime.GetAsync(started.Id))!;
        Assert.Equal("cancelled", instance.Incidents.Single(i => i.Id == incident.Id).Resolution);
        Assert.Equal(2, instance.Variables["prepared"]!.GetValue<int>());
        Assert.Equal(2, instance.Journal.Count(e => e.NodeId == "prepare" && !ModificationOutcomes.IsModification(e.Outcome)));
        Assert.Single(instance.Journal, e => e.NodeId == "start");
        Assert.Contains(instance.Tokens, t => t.NodeId == "manual");
        Assert.Contains("ERP refused the posting", Assert.Single(instance.Incidents, i => i.IsOpen && i.Id != incident.Id).Message, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Modifications_ThatCannotHold_AreRefusedByName_AndNothingIsStored(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(Flow());
        var started = await harness.Runtime.StartAsync(new StartRequest("flow"));
        var path = Assert.Single(started.Tokens).Id;

        var noStep = await Assert.ThrowsAsync<ArgumentException>(() => harness.Runtime.ModifyAsync(started.Id, TokenModification.Move(path, "nowhere"), "operator"));
        var noPath = await Assert.ThrowsAsync<ArgumentException>(() => harness.Runtime.ModifyAsync(started.Id, TokenModification.Move(path + 40, "sign"), "operator"));
        var empty = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Runtime.ModifyAsync(started.Id, new TokenModification { Cancel = [path] }, "operator"));
        var nothing = await Assert.ThrowsAsync<ArgumentException>(() => harness.Runtime.PlanModificationAsync(started.Id, new TokenModification()));
        await harness.Runtime.SuspendAsync(started.Id, "operator", null);
        var held = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Runtime.ModifyAsync(started.Id, TokenModification.Move(path, "sign"), "operator"));

        Assert.Contains("'nowhere'", noStep.Message, StringComparison.Ordinal);
        Assert.Contains($"path {path + 40}", noPath.Message, StringComparison.Ordinal);
        Assert.Contains("no path", empty.Message, StringComparison.Ordinal);
        Assert.Contains("changes nothing", nothing.Message, StringComparison.Ordinal);
        Assert.Contains("suspended", held.Message, StringComparison.Ordinal);
        var stored = (await harness.Instances.LoadAsync(started.Id))!;
        Assert.Equal(["check"], stored.Instance.Tokens.Select(t => t.NodeId));
        Assert.Equal(2, stored.Revision);
    }

    private static WorkflowDefinition Flow() => new WorkflowBuilder("flow").Variable("prepared", DataType.Number, 0)
        .Node("start", "Start").Node("prepare", "SetVariable", ("name", "prepared"), ("value", new Js("prepared + 1")))
        .Node("check", "UserTask", ("title", "Check"), ("assignee", "li.na"))
        .Node("sign", "UserTask", ("title", "Sign"), ("assignee", "wang.fang")).Node("end", "End")
        .Connect("start", "prepare").Connect("prepare", "check").Connect("check", "sign", "approve").Connect("sign", "end", "approve")
        .Build();

    private sealed class ModificationPlanComparer : IEqualityComparer<ModificationPlan>
    {
        public static readonly ModificationPlanComparer Instance = new();

        public bool Equals(ModificationPlan? x, ModificationPlan? y) =>
            x is not null && y is not null && x.Placed.SequenceEqual(y.Placed) && x.StandingAfter.SequenceEqual(y.StandingAfter)
            && x.Cancelled.Select(c => (c.TokenId, c.NodeId)).SequenceEqual(y.Cancelled.Select(c => (c.TokenId, c.NodeId)));

        public int GetHashCode(ModificationPlan obj) => obj.Placed.Count;
    }
}
