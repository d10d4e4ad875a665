using FlowCenter.Server.Tests.TestSupport;
using Xunit.Abstractions;

namespace FlowCenter.Server.Tests.Durability;

/// <summary>SIGKILL a real server in the middle of its work, start it again, and every instance finishes from its last commit.</summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Instances = 4;
    private const int SlowSteps = 5;
    private const int InFlight = 1000;

    [Fact]
    public async Task KillMidBurst_Restart_EveryInstanceCompletesWithEachNodeOnce()
    {
        using var folder = new TempFolder();
        using var progress = new WebhookListener();
        folder.AddWorkflow(SlowChain(progress));
        var settings = SqliteSettings(folder);
        settings["FlowCenter:JavaScript:MaxStatements"] = "2000000000";
        settings["FlowCenter:JavaScript:TimeLimit"] = "00:00:05";
        settings["FlowCenter:JavaScript:MemoryLimitBytes"] = "8000000000";

        var ids = new List<string>();
        int completedBeforeKill;
        await using (var first = await ServerProcess.StartAsync("first", settings))
        {
            for (var i = 0; i < Instances; i++)
            {
                ids.Add((await first.PostAsync("/api/instances", new { definitionId = "slow-chain" }))["id"]!.GetValue<string>());
            }

            // Killed as soon as a burst reports its first step done: 3.2 s of it are still to run, nothing of it is committed.
            await Eventually.ThatAsync(() => Task.FromResult(progress.RequestsSoFar().Count), n => n > 0, "a burst one step in", TimeSpan.FromSeconds(60));
            completedBeforeKill = await CountAsync(first, "completed");
            await first.KillAsync();
        }

        await using var second = await ServerProcess.StartAsync("second", settings);
        await Eventually.ThatAsync(() => CountAsync(second, "completed"), n => n == Instances, $"{Instances} completed instances", TimeSpan.FromSeconds(90));

        Assert.True(completedBeforeKill < Instances, "the kill came after every burst had finished; it proved nothing");
        Assert.Equal(Instances, await CountAsync(second, null));
        foreach (var id in ids)
        {
            var instance = await second.GetAsync($"/api/instances/{id}");
            Assert.Equal("completed", instance["status"]!.GetValue<string>());
            Assert.Equal(SlowSteps, instance["variables"]!["steps"]!.GetValue<int>());
            var completed = await CompletedNodesAsync(second, id);
            Assert.Equal(completed.Distinct().Count(), completed.Count);
            Assert.Equal(SlowSteps + 4, completed.Count);
        }

        // The burst cut off ran again from its last commit: its progress call twice, with the same idempotency key.
        var calls = progress.RequestsSoFar();
        Assert.Equal(Instances, calls.Select(c => c.Body!["instance"]!.GetValue<string>()).Distinct().Count());
        Assert.All(calls.GroupBy(c => c.Body!["instance"]!.GetValue<string>()), g => Assert.Single(g.Select(c => c.IdempotencyKey).Distinct()));
        Assert.True(calls.Count > Instances, "no burst was cut off by the kill");
    }

    [Fact]
    public async Task Sqlite_KillWithAThousandInFlight_Restart_NoneLostNoneRunTwice()
    {
        using var folder = new TempFolder();
        await KillWithAThousandInFlightAsync(folder, SqliteSettings(folder));
    }

    [PostgresFact]
    public async Task Postgres_KillWithAThousandInFlight_Restart_NoneLostNoneRunTwice()
    {
        using var folder = new TempFolder();
        await using var database = await PostgresDatabase.CreateAsync(Environment.GetEnvironmentVariable("FLOWCENTER_TEST_POSTGRES")!, "fc_crash_");
        var settings = database.ServerSettings();
        settings["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows;
        await KillWithAThousandInFlightAsync(folder, settings);
    }

    /// <summary>
    /// A thousand instances, each: a timer, a call to another system (its effect), a timer, a step, the end. The
    /// server is killed while the calls are under way, with instances at every stage, and started again.
    /// </summary>
    private async Task KillWithAThousandInFlightAsync(TempFolder folder, Dictionary<string, string> settings)
    {
        using var system = new WebhookListener();
        folder.AddWorkflow(new WorkflowBuilder("in-flight")
            .Variable("done", Engine.Definitions.DataType.Boolean, false)
            .Node("start", "Start").Node("wait1", "Delay", ("duration", "PT1S"))
            .Node("effect", "HttpRequest", ("method", "POST"), ("url", $"http://127.0.0.1:{system.Port}/effect"), ("body", new Js("({ instance: instanceId() })")), ("retries", 0))
            .Node("wait2", "Delay", ("duration", "PT0.5S"))
            .Node("mark", "SetVariable", ("name", "done"), ("value", true)).Node("end", "End")
            .Chain("start", "wait1", "effect").Connect("effect", "wait2", "success").Chain("wait2", "mark", "end").Build());
        const int nodes = 6;

        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        int effectsBeforeKill, completedBeforeKill;
        await using (var first = await ServerProcess.StartAsync("first", settings))
        {
            await Load.ForAllAsync(InFlight, async _ => ids.Add((await first.PostAsync("/api/instances", new { definitionId = "in-flight" }))["id"]!.GetValue<string>()));
            await Eventually.ThatAsync(() => Task.FromResult(system.RequestsSoFar().Count), n => n >= InFlight / 3, $"{InFlight / 3} calls to the other system", TimeSpan.FromSeconds(120));
            await first.KillAsync();
            effectsBeforeKill = system.RequestsSoFar().Count;
        }

        await using var second = await ServerProcess.StartAsync("second", settings);
        completedBeforeKill = await CountAsync(second, "completed");
        await Eventually.ThatAsync(() => CountAsync(second, "completed"), n => n == InFlight, $"{InFlight} completed instances", TimeSpan.FromSeconds(180));

        // None lost: every instance accepted before the kill is there and completed, each node once.
        Assert.Equal(InFlight, ids.Count);
        Assert.Equal(InFlight, await CountAsync(second, null));
        var ranTwice = 0;
        await Load.ForAllAsync(InFlight, async i =>
        {
            var completed = await CompletedNodesAsync(second, ids.ElementAt(i));
            if (completed.Count != nodes || completed.Distinct().Count() != nodes)
            {
                Interlocked.Increment(ref ranTwice);
            }
        }, callers: 8);
        Assert.Equal(0, ranTwice);

        // None run twice in the other system: each instance's calls all carry one idempotency key, so a call
        // repeated after the crash is the same order, not a second one.
        var calls = system.RequestsSoFar();
        var byInstance = calls.GroupBy(c => c.Body!["instance"]!.GetValue<string>()).ToList();
        Assert.Equal(InFlight, byInstance.Count);
        Assert.True(ids.ToHashSet().SetEquals(byInstance.Select(g => g.Key)));
        Assert.All(byInstance, g => Assert.Single(g.Select(c => c.IdempotencyKey).Distinct()));
        Assert.DoesNotContain(calls, c => string.IsNullOrEmpty(c.IdempotencyKey));
        Assert.True(completedBeforeKill < InFlight && effectsBeforeKill < InFlight, $"the kill came too late: {completedBeforeKill} completed, {effectsBeforeKill} calls made");
        output.WriteLine($"killed after {effectsBeforeKill} calls with {completedBeforeKill} instances completed; after the restart: {InFlight} completed, each node once; "
            + $"{calls.Count} calls for {byInstance.Count} instances ({calls.Count - byInstance.Count} repeated with the same key)");
    }

    private static Dictionary<string, string> SqliteSettings(TempFolder folder) => new()
    {
        ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
        ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        ["FlowCenter:Hangfire:SchedulePollingInterval"] = "00:00:00.200",
    };

    private static async Task<int> CountAsync(ServerProcess server, string? status) =>
        (await server.GetAsync(status is null ? "/api/instances?take=1" : $"/api/instances?status={status}&take=1"))["total"]!.GetValue<int>();

    private static async Task<List<string>> CompletedNodesAsync(ServerProcess server, string id) =>
        [.. (await server.GetAsync($"/api/instances/{id}"))["journal"]!.AsArray()
            .Where(e => e!["status"]!.GetValue<string>() == "completed").Select(e => e!["nodeId"]!.GetValue<string>())];

    /// <summary>Start, a one-second delay, five scripts that each keep the CPU for 0.8 s with a progress call after the first, End.</summary>
    private static Engine.Definitions.WorkflowDefinition SlowChain(WebhookListener progress)
    {
        var builder = new WorkflowBuilder("slow-chain")
            .Variable("steps", Engine.Definitions.DataType.Number, 0)
            .Node("start", "Start").Node("delay", "Delay", ("duration", "PT1S")).Node("end", "End")
            .Node("progress", "HttpRequest", ("method", "POST"), ("url", $"http://127.0.0.1:{progress.Port}/progress"), ("body", new Js("({ instance: instanceId() })")), ("retries", 0))
            .Connect("start", "delay");
        var previous = "delay";
        for (var i = 1; i <= SlowSteps; i++)
        {
            builder.Node($"work{i}", "Script", ("script", "var until = Date.now() + 800; while (Date.now() < until) { } steps = steps + 1;"))
                .Connect(previous, $"work{i}", previous == "progress" ? "success" : Engine.Definitions.Ports.Done);
            previous = $"work{i}";
            if (i == 1)
            {
                builder.Connect(previous, "progress");
                previous = "progress";
            }
        }

        return builder.Connect(previous, "end").Build();
    }
}
