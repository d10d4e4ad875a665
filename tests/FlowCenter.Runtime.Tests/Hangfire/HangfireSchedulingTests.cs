using System.Text.Json.Nodes;
using FlowCenter.Engine.State;
using FlowCenter.Expressions;
using FlowCenter.Hangfire;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Tests.TestSupport;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FlowCenter.Runtime.Tests.Hangfire;

/// <summary>A real host with a Hangfire server on in-memory storage beside SQLite, on the real clock.</summary>
public sealed class HangfireSchedulingTests
{
    [Fact]
    public async Task Delay_IsFiredByAHangfireJob()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var host = await StartHostAsync(database);
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        await host.Services.GetRequiredService<DefinitionService>().ImportAsync(new WorkflowBuilder("nap")
            .Node("start", "Start").Node("nap", "Delay", ("duration", "PT2S")).Node("end", "End").Chain("start", "nap", "end").Build());

        var started = await runtime.StartAsync(new StartRequest("nap"));
        var instance = await WaitForStatusAsync(runtime, started.Id, WorkflowStatus.Completed, TimeSpan.FromSeconds(20));

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.InRange(instance.Journal.Single(e => e.NodeId == "nap").Duration!.Value, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task SubProcess_ChildStartAndParentNoticeRunAsJobs()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var host = await StartHostAsync(database);
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        var definitions = host.Services.GetRequiredService<DefinitionService>();
        await definitions.ImportAsync(new WorkflowBuilder("child").Variable("x").Output("x").Node("start", "Start").Node("set", "SetVariable", ("name", "x"), ("value", 7)).Chain("start", "set").Build());
        await definitions.ImportAsync(new WorkflowBuilder("parent").Variable("got").Node("start", "Start")
            .Node("call", "SubProcess", ("definitionId", "child"), ("outputMapping", JsonNode.Parse("""{"x":"got"}"""))).Chain("start", "call").Build());

        var started = await runtime.StartAsync(new StartRequest("parent"));
        Assert.Equal(WorkflowStatus.Waiting, started.Status);
        var instance = await WaitForStatusAsync(runtime, started.Id, WorkflowStatus.Completed, TimeSpan.FromSeconds(20));

        Assert.Equal(7, instance.Variables["got"]!.GetValue<int>());
    }

    [Fact]
    public async Task CronTrigger_IsARecurringJobWhileItsVersionIsCurrent()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var host = await StartHostAsync(database);
        var definitions = host.Services.GetRequiredService<DefinitionService>();
        var storage = host.Services.GetRequiredService<JobStorage>();

        var published = await definitions.ImportAsync(new WorkflowBuilder("nightly")
            .Node("at2", "Cron", ("cron", "0 2 * * *"), ("timeZone", "Asia/Shanghai")).Node("end", "End").Chain("at2", "end").Build());
        var job = RecurringJobs(storage).Single(j => j.Id == CronScheduleSync.JobId("nightly", "at2"));
        Assert.Equal("0 2 * * *", job.Cron);
        Assert.Equal("Asia/Shanghai", job.TimeZoneId);

        await definitions.RetractAsync("nightly", published.Definition.Version);
        Assert.DoesNotContain(RecurringJobs(storage), j => j.Id == CronScheduleSync.JobId("nightly", "at2"));
    }

    private static List<RecurringJobDto> RecurringJobs(JobStorage storage)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs();
    }

    private static async Task<IHost> StartHostAsync(TestDatabase database)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureServices(services => services
                .AddJavaScriptExpressions()
                .AddFlowCenterPersistence(o =>
                {
                    o.Provider = database.Options.Provider;
                    o.ConnectionString = database.Options.ConnectionString;
                })
                .AddFlowCenterRuntime()
                .AddFlowCenterHangfire((_, config) => config.UseInMemoryStorage(), o => o.SchedulePollingInterval = TimeSpan.FromMilliseconds(500)))
            .Build();
        await host.StartAsync();
        return host;
    }

    private static Task<WorkflowInstance> WaitForStatusAsync(IWorkflowRuntime runtime, string instanceId, WorkflowStatus status, TimeSpan deadline) =>
        Eventually.ThatAsync(async () => (await runtime.GetAsync(instanceId))!, i => i.Status == status, $"{instanceId} to be {status}", deadline);
}
