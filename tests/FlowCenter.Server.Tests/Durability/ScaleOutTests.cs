using System.Diagnostics;
using FlowCenter.Server.Tests.TestSupport;
using Npgsql;
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
        var admin = Environment.GetEnvironmentVariable(PostgresVariable)!;
        var name = "fc_scale_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        var connection = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["FlowCenter:Database:Provider"] = "PostgreSql",
                ["FlowCenter:Database:ConnectionString"] = connection,
                ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
                ["FlowCenter:Hangfire:SchedulePollingInterval"] = "00:00:00.500",
            };
            await using var a = await ServerProcess.StartAsync("node-a", settings);
            await using var b = await ServerProcess.StartAsync("node-b", settings);
            var servers = new[] { a, b };

            await ForAllAsync(i => servers[i % 2].PostAsync("/api/instances", new { definitionId = "scale", input = new { n = i } }));
            await WaitAsync(connection, """SELECT count(*) FROM "Bookmarks" WHERE "Kind" = 1""", Instances, TimeSpan.FromSeconds(120));
            await ForAllAsync(i => servers[(i + 1) % 2].PostAsync($"/api/events/scale.go?key={i}"));
            await WaitAsync(connection, """SELECT count(*) FROM "Instances" WHERE "Status" = 3""", Instances, TimeSpan.FromSeconds(120));

            Assert.Equal(0L, await ScalarAsync(connection, """SELECT count(*) FROM (SELECT 1 FROM "Journal" WHERE "Status" = 2 GROUP BY "InstanceId", "NodeId" HAVING count(*) > 1) twice"""));
            Assert.Equal(Instances * 5L, await ScalarAsync(connection, """SELECT count(*) FROM "Journal" WHERE "Status" = 2"""));
            Assert.Equal(0L, await ScalarAsync(connection, """SELECT count(*) FROM "Bookmarks" """));
            // The wait node's entry is written by the burst that the fired timer runs, on whichever node ran the job.
            var timersOnA = await ScalarAsync(connection, """SELECT count(*) FROM "Journal" WHERE "NodeId" = 'wait' AND "Worker" = 'node-a'""");
            var timersOnB = await ScalarAsync(connection, """SELECT count(*) FROM "Journal" WHERE "NodeId" = 'wait' AND "Worker" = 'node-b'""");
            output.WriteLine($"timers fired: node-a {timersOnA}, node-b {timersOnB}");
            Assert.True(timersOnA > 0 && timersOnB > 0, $"timer completions: node-a {timersOnA}, node-b {timersOnB}");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task ForAllAsync(Func<int, Task> action)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < Instances; i = Interlocked.Increment(ref next))
            {
                await action(i);
            }
        })));
    }

    private static async Task WaitAsync(string connection, string sql, long expected, TimeSpan deadline)
    {
        var watch = Stopwatch.StartNew();
        long count;
        while ((count = await ScalarAsync(connection, sql)) < expected && watch.Elapsed < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Equal(expected, count);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
