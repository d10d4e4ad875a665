using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Monitoring;
using FlowCenter.Runtime.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCenter.Runtime.Tests.Monitoring;

/// <summary>The operators' home figures on a real database: the same numbers on SQLite and PostgreSQL.</summary>
public sealed class MonitorTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Overview_CountsLiveCases_PeopleAndProblems_TodayAndTheWeek_CycleTimes_ActivityAndAttention(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        await harness.PublishAsync(new WorkflowBuilder("post").Input("fail", DataType.Boolean)
            .Node("start", "Start").Node("wait", "Delay", ("duration", new Js("input.fail ? 'PT0S' : 'PT1H'"))).Node("post", "Script", ("script", "if (input.fail) throw new Error('ERP refused'); return 1;")).Node("end", "End")
            .Chain("start", "wait", "post", "end").Build());
        await harness.PublishAsync(new WorkflowBuilder("approval")
            .Node("start", "Start").Node("approve", "UserTask", ("title", "Approve"), ("assignee", "li.na")).Node("end", "End")
            .Connect("start", "approve").Connect("approve", "end", "approve").Build());

        // Eight days ago a post completed after an hour (outside the week); today four complete after an hour each.
        await harness.Runtime.StartAsync(new StartRequest("post") { Input = new Dictionary<string, JsonNode?> { ["fail"] = false } });
        await harness.AdvanceAsync(TimeSpan.FromHours(1));
        harness.Clock.Advance(TimeSpan.FromDays(8));
        for (var i = 0; i < 4; i++)
        {
            await harness.Runtime.StartAsync(new StartRequest("post") { Input = new Dictionary<string, JsonNode?> { ["fail"] = false } });
        }

        await harness.AdvanceAsync(TimeSpan.FromHours(1));
        var failing = await harness.Runtime.StartAsync(new StartRequest("post") { Input = new Dictionary<string, JsonNode?> { ["fail"] = true } });
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));
        await harness.Runtime.StartAsync(new StartRequest("approval"));
        await harness.Runtime.StartAsync(new StartRequest("approval"));

        var overview = await harness.Services.GetRequiredService<MonitorService>().OverviewAsync(false, RuntimeHarness.Operator, TimeZoneInfo.Utc);

        var post = overview.Processes.Single(p => p.DefinitionId == "post");
        var approval = overview.Processes.Single(p => p.DefinitionId == "approval");
        Assert.Equal((1, 0, 1, 4, 4), (post.Running, post.WaitingOnPeople, post.OpenIncidents, post.CompletedToday, post.CompletedWeek));
        Assert.Equal(TimeSpan.FromHours(1), post.AverageCycle);
        Assert.Equal(TimeSpan.FromHours(1), post.P95Cycle);
        Assert.Equal((2, 2, 0, 0, (TimeSpan?)null), (approval.Running, approval.WaitingOnPeople, approval.OpenIncidents, approval.CompletedWeek, approval.AverageCycle));
        Assert.Equal(24, overview.Activity.Count);
        Assert.Equal(7, overview.Activity.Sum(b => b.Started));
        Assert.Equal(4, overview.Activity.Sum(b => b.Completed));
        var problem = Assert.Single(overview.NeedsAttention);
        Assert.Equal((AttentionKind.Incident, failing.Id), (problem.Kind, problem.InstanceId));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.Services.GetRequiredService<MonitorService>().OverviewAsync(false, new Runtime.Cases.Caller("li.na", [])));
        var nodes = await harness.Services.GetRequiredService<MonitorService>().NodeStatisticsAsync("post", 1, RuntimeHarness.Operator);
        Assert.Equal([new NodeStatistics("post", 0, 1)], nodes);
        Assert.Equal([new NodeStatistics("approve", 2, 0)], await harness.Services.GetRequiredService<MonitorService>().NodeStatisticsAsync("approval", 1, RuntimeHarness.Operator));
    }
}
