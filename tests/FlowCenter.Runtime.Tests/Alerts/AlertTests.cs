using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Alerts;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Notifications;
using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Runtime.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCenter.Runtime.Tests.Alerts;

/// <summary>Alert rules on a real database: told once per occurrence, reminded until acknowledged, resolved when the condition clears.</summary>
public sealed class AlertTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task StuckStep_IsToldOnce_RemindedUntilAcknowledged_AndResolvesWhenTheCaseMovesOn(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.Organization.SaveUserAsync(new Person("ops.lead", "Ops Lead") { Roles = [Roles.Operator] }, "Password1!");
        await harness.Organization.SaveUserAsync(new Person("qa.wu", "QA Wu"), "Password1!");
        await harness.PublishAsync(Approval());
        var rule = await Service(harness).SaveRuleAsync(new AlertRule("", "Approval stuck", AlertKind.StepStuck)
        {
            DefinitionId = "approval", NodeId = "approve", Threshold = TimeSpan.FromMinutes(30), RemindEvery = TimeSpan.FromHours(1), Users = ["qa.wu"], Roles = [Roles.Operator],
        }, RuntimeHarness.Operator);
        var started = await harness.Runtime.StartAsync(new StartRequest("approval"));

        Assert.Equal(new AlertRun(0, 0, 0), await Evaluator(harness).EvaluateAsync());
        harness.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(new AlertRun(1, 0, 0), await Evaluator(harness).EvaluateAsync());
        Assert.Equal(new AlertRun(0, 0, 0), await Evaluator(harness).EvaluateAsync());
        var alert = Assert.Single((await Service(harness).ListAlertsAsync(AlertState.Open, 0, 10, RuntimeHarness.Operator)).Items);
        Assert.Equal((rule.Id, started.Id, "approve", 1), (alert.RuleId, alert.InstanceId, alert.NodeId, alert.Notified));
        foreach (var person in new[] { "ops.lead", "qa.wu" })
        {
            var told = Assert.Single(await Notifications(harness).ListAsync(person, 10));
            Assert.Equal((TaskNotificationKind.Alert, started.Id, alert.Id), (told.Kind, told.InstanceId, told.ItemId));
            Assert.Equal($"instances/{started.Id}", NotificationText.PathOf(told.Kind, told.ItemId, told.InstanceId));
        }

        harness.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new AlertRun(0, 1, 0), await Evaluator(harness).EvaluateAsync());
        await Service(harness).AcknowledgeAsync(alert.Id, RuntimeHarness.Operator);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new AlertRun(0, 0, 0), await Evaluator(harness).EvaluateAsync());
        Assert.Equal(2, (await Notifications(harness).ListAsync("qa.wu", 10)).Count);

        var task = Assert.Single(await harness.TaskStore.ListGroupsAsync(started.Id));
        await harness.Runtime.ResumeAsync(started.Id, task.Id, JsonNode.Parse("""{"outcome":"approve"}"""));
        Assert.Equal(new AlertRun(0, 0, 1), await Evaluator(harness).EvaluateAsync());
        var resolved = Assert.Single((await Service(harness).ListAlertsAsync(AlertState.Resolved, 0, 10, RuntimeHarness.Operator)).Items);
        Assert.Equal(("operator", harness.Clock.GetUtcNow()), (resolved.AcknowledgedBy, resolved.ResolvedAt));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service(harness).ListAlertsAsync(null, 0, 10, new Runtime.Cases.Caller("qa.wu", [])));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Incidents_FailureRate_Silence_LongCases_AndOverdueTasks_EachOpenTheirAlerts(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.Organization.SaveUserAsync(new Person("ops.lead", "Ops Lead") { Roles = [Roles.Operator] }, "Password1!");
        await harness.PublishAsync(new WorkflowBuilder("post").Input("fail", DataType.Boolean)
            .Node("start", "Start").Node("post", "Script", ("script", "if (input.fail) throw new Error('ERP refused'); return 1;")).Node("end", "End")
            .Configure("post", n => n.DisplayName = "Post to the ERP")
            .Chain("start", "post", "end").Build());
        await harness.PublishAsync(Approval(dueIn: "PT2H"));
        foreach (var (name, kind, definition, node, threshold, percent) in new (string, AlertKind, string?, string?, TimeSpan?, double?)[]
        {
            ("Any problem", AlertKind.IncidentOpened, null, null, null, null),
            ("ERP failing", AlertKind.FailureRate, "post", "post", TimeSpan.FromHours(1), 25),
            ("Orders silent", AlertKind.NoStart, "approval", null, TimeSpan.FromHours(2), null),
            ("Slow approvals", AlertKind.InstanceTooLong, "approval", null, TimeSpan.FromHours(3), null),
            ("Late approvers", AlertKind.TaskOverdue, null, null, null, null),
        })
        {
            await Service(harness).SaveRuleAsync(new AlertRule("", name, kind) { DefinitionId = definition, NodeId = node, Threshold = threshold, Percent = percent, MinimumRuns = 4 }, RuntimeHarness.Operator);
        }

        var approval = await harness.Runtime.StartAsync(new StartRequest("approval"));
        for (var i = 0; i < 4; i++)
        {
            await harness.Runtime.StartAsync(new StartRequest("post") { Input = new Dictionary<string, JsonNode?> { ["fail"] = i == 0 } });
        }

        // Now: one problem (and 1 of 4 runs failed: 25%, not above); nothing silent, long or late yet.
        await Evaluator(harness).EvaluateAsync();
        Assert.Equal(["Any problem"], await OpenRulesAsync(harness));
        await harness.Runtime.StartAsync(new StartRequest("post") { Input = new Dictionary<string, JsonNode?> { ["fail"] = true } });
        harness.Clock.Advance(TimeSpan.FromMinutes(150));
        await Evaluator(harness).EvaluateAsync();
        Assert.Equal(["Any problem", "Any problem", "Late approvers", "Orders silent"], await OpenRulesAsync(harness));

        // The failure rate counts within its window: 2 of 5 runs failed in the last hour.
        await using (var fresh = await harness.StartAnotherAsync())
        {
            for (var i = 0; i < 5; i++)
            {
                await fresh.Runtime.StartAsync(new StartRequest("post") { Input = new Dictionary<string, JsonNode?> { ["fail"] = i < 2 } });
            }
        }

        harness.Clock.Advance(TimeSpan.FromMinutes(40));
        await Evaluator(harness).EvaluateAsync();
        Assert.Equal(["Any problem", "Any problem", "Any problem", "Any problem", "ERP failing", "Late approvers", "Orders silent", "Slow approvals"], await OpenRulesAsync(harness));
        var rate = (await Service(harness).ListAlertsAsync(AlertState.Open, 0, 20, RuntimeHarness.Operator)).Items.Single(a => a.RuleName == "ERP failing");
        Assert.StartsWith("2 of 5 runs failed (40%)", rate.Summary, StringComparison.Ordinal);
        // The same facts as values, kept with the alert for pages to word in their reader's language.
        Assert.Equal((5, 2), (rate.Facts!.Runs, rate.Facts.Failed));
        var open = (await Service(harness).ListAlertsAsync(AlertState.Open, 0, 20, RuntimeHarness.Operator)).Items;
        Assert.Contains(open, a => a.RuleName == "Any problem" && a.Facts is { Since: not null, Case: not null } facts && facts.Detail!.Contains("ERP refused", StringComparison.Ordinal));
        Assert.Contains(open, a => a.RuleName == "Late approvers" && a.Facts is { Detail: not null, Case: not null } facts && facts.Since < harness.Clock.GetUtcNow());
        Assert.Contains(open, a => a.RuleName == "Orders silent" && a.Facts is { Case: null, Since: not null });
        // Alerts opened before facts were kept get them at the next evaluation.
        await using (var db = harness.Database.Contexts.CreateDbContext())
        {
            await db.Alerts.ExecuteUpdateAsync(a => a.SetProperty(x => x.Facts, (string?)null));
        }

        await Evaluator(harness).EvaluateAsync();
        Assert.All((await Service(harness).ListAlertsAsync(AlertState.Open, 0, 20, RuntimeHarness.Operator)).Items, a => Assert.NotNull(a.Facts));

        // The bell and the e-mail name the process and the step by the names the designer gave them.
        Assert.Contains((await Notifications(harness).ListAsync("ops.lead", 50)), n => n.Kind == TaskNotificationKind.Alert && n.Title == "ERP failing · post · Post to the ERP");
        Assert.Equal($"alerts?alert={rate.Id}", NotificationText.PathOf(TaskNotificationKind.Alert, rate.Id, ""));
        Assert.Equal(8, (await Notifications(harness).ListAsync("ops.lead", 50)).Count(n => n.Kind == TaskNotificationKind.Alert));
        Assert.Equal(approval.Id, (await Service(harness).ListAlertsAsync(AlertState.Open, 0, 20, RuntimeHarness.Operator)).Items.Single(a => a.RuleName == "Late approvers").InstanceId);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task TwoEvaluationsAtOnce_OpenEachOccurrenceOnce(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await using var other = await harness.StartAnotherAsync();
        await harness.PublishAsync(Approval());
        await Service(harness).SaveRuleAsync(new AlertRule("", "Long", AlertKind.InstanceTooLong) { Threshold = TimeSpan.FromMinutes(1) }, RuntimeHarness.Operator);
        for (var i = 0; i < 20; i++)
        {
            await harness.Runtime.StartAsync(new StartRequest("approval"));
        }

        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        other.Clock.Advance(TimeSpan.FromMinutes(5));
        var runs = await Task.WhenAll(Task.Run(() => Evaluator(harness).EvaluateAsync()), Task.Run(() => Evaluator(other).EvaluateAsync()));

        Assert.Equal(20, runs.Sum(r => r.Opened));
        Assert.Equal(20, (await Service(harness).ListAlertsAsync(AlertState.Open, 0, 100, RuntimeHarness.Operator)).Total);
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Service(harness).SaveRuleAsync(new AlertRule("", "Rate", AlertKind.FailureRate) { Threshold = TimeSpan.FromHours(1), Percent = 150 }, RuntimeHarness.Operator));
        Assert.Contains("failure-rate rule needs the step", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<List<string>> OpenRulesAsync(RuntimeHarness harness) =>
        [.. (await Service(harness).ListAlertsAsync(AlertState.Open, 0, 100, RuntimeHarness.Operator)).Items.Select(a => a.RuleName).Order(StringComparer.Ordinal)];

    private static AlertService Service(RuntimeHarness harness) => harness.Services.GetRequiredService<AlertService>();

    private static AlertEvaluator Evaluator(RuntimeHarness harness) => harness.Services.GetRequiredService<AlertEvaluator>();

    private static INotificationStore Notifications(RuntimeHarness harness) => harness.Services.GetRequiredService<INotificationStore>();

    private static WorkflowDefinition Approval(string dueIn = "PT0S") => new WorkflowBuilder("approval")
        .Node("start", "Start").Node("approve", "UserTask", ("title", "Approve"), ("assignee", "li.na"), ("dueIn", dueIn)).Node("end", "End")
        .Connect("start", "approve").Connect("approve", "end", "approve").Build();
}
