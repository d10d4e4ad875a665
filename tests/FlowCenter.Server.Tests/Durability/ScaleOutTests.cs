using FlowCenter.Server.Tests.TestSupport;
using Xunit.Abstractions;

namespace FlowCenter.Server.Tests.Durability;

/// <summary>Two server processes on one PostgreSQL database share 1,000 instances with timers and events.</summary>
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    private const int Instances = 1000;
    private const string PostgresVariable = "FLOWCENTER_TEST_POSTGRES";

    [PostgresFact]
    public async Task TwoServers_OneDatabase_ThousandInstancesEachCompletedOnceAndWorkSpread()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("scale")
            .Variable("done", Engine.Definitions.DataType.Boolean, false)
            .Node("start", "Start").Node("delay", "Delay", ("duration", "PT2S"))
            .Node("wait", "WaitEvent", ("eventName", "scale.go"), ("correlationKey", new Js("String(input.n)")))
            .Node("set", "SetVariable", ("name", "done"), ("value", true)).Node("end", "End")
            .Chain("start", "delay", "wait", "set", "end").Build());
        await using var database = await PostgresDatabase.CreateAsync(Environment.GetEnvironmentVariable(PostgresVariable)!, "fc_scale_");
        var settings = database.ServerSettings();
        settings["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows;
        settings["FlowCenter:Hangfire:SchedulePollingInterval"] = "00:00:00.500";
        await using var a = await ServerProcess.StartAsync("node-a", settings);
        await using var b = await ServerProcess.StartAsync("node-b", settings);
        var servers = new[] { a, b };

        await Load.ForAllAsync(Instances, i => servers[i % 2].PostAsync("/api/instances", new { definitionId = "scale", input = new { n = i } }));
        await CountAsync(database, """SELECT count(*) FROM "Bookmarks" WHERE "Kind" = 1""", "event bookmarks", TimeSpan.FromSeconds(120));
        await Load.ForAllAsync(Instances, i => servers[(i + 1) % 2].PostAsync($"/api/events/scale.go?key={i}"));
        await CountAsync(database, """SELECT count(*) FROM "Instances" WHERE "Status" = 3""", "completed instances", TimeSpan.FromSeconds(120));

        Assert.Equal(0L, await database.ScalarAsync("""SELECT count(*) FROM (SELECT 1 FROM "Journal" WHERE "Status" = 2 GROUP BY "InstanceId", "NodeId" HAVING count(*) > 1) twice"""));
        Assert.Equal(Instances * 5L, await database.ScalarAsync("""SELECT count(*) FROM "Journal" WHERE "Status" = 2"""));
        Assert.Equal(0L, await database.ScalarAsync("""SELECT count(*) FROM "Bookmarks" """));
        // The wait node's entry is written by the burst that the fired timer runs, on whichever node ran the job.
        var timersOnA = await database.ScalarAsync("""SELECT count(*) FROM "Journal" WHERE "NodeId" = 'wait' AND "Worker" = 'node-a'""");
        var timersOnB = await database.ScalarAsync("""SELECT count(*) FROM "Journal" WHERE "NodeId" = 'wait' AND "Worker" = 'node-b'""");
        output.WriteLine($"timers fired: node-a {timersOnA}, node-b {timersOnB}");
        Assert.True(timersOnA > 0 && timersOnB > 0, $"timer completions: node-a {timersOnA}, node-b {timersOnB}");
    }

    private static Task<long> CountAsync(PostgresDatabase database, string sql, string what, TimeSpan deadline) =>
        Eventually.ThatAsync(() => database.ScalarAsync(sql), count => count >= Instances, $"{Instances} {what}", deadline);
}
