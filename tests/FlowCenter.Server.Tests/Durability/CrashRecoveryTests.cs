using System.Diagnostics;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Durability;

/// <summary>SIGKILL a real server in the middle of bursts, start it again, and every instance finishes from its last commit.</summary>
public sealed class CrashRecoveryTests
{
    private const int Instances = 4;
    private const int SlowSteps = 5;

    [Fact]
    public async Task KillMidBurst_Restart_EveryInstanceCompletesWithEachNodeOnce()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(SlowChain());
        var settings = new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
            ["FlowCenter:JavaScript:MaxStatements"] = "2000000000",
            ["FlowCenter:JavaScript:TimeLimit"] = "00:00:05",
            ["FlowCenter:JavaScript:MemoryLimitBytes"] = "8000000000",
            ["FlowCenter:Hangfire:SchedulePollingInterval"] = "00:00:00.200",
        };

        var ids = new List<string>();
        int completedBeforeKill;
        await using (var first = await ServerProcess.StartAsync("first", settings))
        {
            for (var i = 0; i < Instances; i++)
            {
                ids.Add((await first.PostAsync("/api/instances", new { definitionId = "slow-chain" }))["id"]!.GetValue<string>());
            }

            // The timers fire after 1 s; each burst then needs SlowSteps x 0.8 s, so at 2.5 s every burst is mid-way.
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            completedBeforeKill = (await first.GetAsync("/api/instances?status=completed"))["total"]!.GetValue<int>();
            await first.KillAsync();
        }

        await using var second = await ServerProcess.StartAsync("second", settings);
        var watch = Stopwatch.StartNew();
        while ((await second.GetAsync("/api/instances?status=completed"))["total"]!.GetValue<int>() < Instances && watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(250);
        }

        Assert.True(completedBeforeKill < Instances, "the kill came after every burst had finished; it proved nothing");
        Assert.Equal(Instances, (await second.GetAsync("/api/instances"))["total"]!.GetValue<int>());
        foreach (var id in ids)
        {
            var instance = await second.GetAsync($"/api/instances/{id}");
            Assert.Equal("completed", instance["status"]!.GetValue<string>());
            Assert.Equal(SlowSteps, instance["variables"]!["steps"]!.GetValue<int>());
            var completed = instance["journal"]!.AsArray().Where(e => e!["status"]!.GetValue<string>() == "completed").Select(e => e!["nodeId"]!.GetValue<string>()).ToList();
            Assert.Equal(completed.Distinct().Count(), completed.Count);
            Assert.Equal(SlowSteps + 3, completed.Count);
        }
    }

    /// <summary>Start, a one-second delay, five scripts that each keep the CPU for 0.8 s, End.</summary>
    private static Engine.Definitions.WorkflowDefinition SlowChain()
    {
        var builder = new WorkflowBuilder("slow-chain")
            .Variable("steps", Engine.Definitions.DataType.Number, 0)
            .Node("start", "Start").Node("delay", "Delay", ("duration", "PT1S")).Node("end", "End")
            .Connect("start", "delay");
        var previous = "delay";
        for (var i = 1; i <= SlowSteps; i++)
        {
            builder.Node($"work{i}", "Script", ("script", "var until = Date.now() + 800; while (Date.now() < until) { } steps = steps + 1;")).Connect(previous, $"work{i}");
            previous = $"work{i}";
        }

        return builder.Connect(previous, "end").Build();
    }
}
