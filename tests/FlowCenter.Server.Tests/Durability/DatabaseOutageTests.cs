using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;
using Xunit.Abstractions;

namespace FlowCenter.Server.Tests.Durability;

/// <summary>PostgreSQL crashes under load and comes back: the server answers clearly meanwhile and carries on by itself.</summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    [PostgresInstalledFact]
    public async Task PostgresCrashedUnderLoad_ServerRecoversWithoutRestart_NoAcceptedStartLost()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("steady")
            .Variable("done", Engine.Definitions.DataType.Boolean, false)
            .Node("start", "Start").Node("wait1", "Delay", ("duration", "PT1S"))
            .Node("mark", "SetVariable", ("name", "done"), ("value", true))
            .Node("wait2", "Delay", ("duration", "PT1S")).Node("end", "End")
            .Chain("start", "wait1", "mark", "wait2", "end").Build());
        const int nodes = 5;

        await using var postgres = await PrivatePostgres.StartAsync();
        await using var database = await PostgresDatabase.CreateAsync(postgres.AdminConnectionString, "fc_outage_");
        var settings = database.ServerSettings();
        settings["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows;
        await using var server = await ServerProcess.StartAsync("steady", settings);

        // Four callers start instances until told to stop, each about ten a second (a load the server keeps up
        // with, so that what is measured is the recovery, not a backlog); every answer is kept.
        var accepted = new ConcurrentBag<string>();
        var refused = new ConcurrentDictionary<HttpStatusCode, int>();
        var slowest = TimeSpan.Zero;
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                using var response = await server.Client.PostAsJsonAsync("/api/instances", new { definitionId = "steady" });
                lock (refused)
                {
                    slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
                }

                if (response.IsSuccessStatusCode)
                {
                    accepted.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
                }
                else
                {
                    refused.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                }

                await Task.Delay(100);
            }
        })).ToList();

        await Eventually.ThatAsync(() => Task.FromResult(accepted.Count), n => n >= 100, "100 accepted starts before the crash", TimeSpan.FromSeconds(60));
        await postgres.CrashAsync();
        var acceptedAtCrash = accepted.Count;

        // While the database is down the server is up, says it is not ready, and refuses starts with a clear answer.
        var ready = await Eventually.ThatAsync(() => StatusAsync(server, "/health/ready"), s => s == HttpStatusCode.ServiceUnavailable, "/health/ready to say 503 while the database is down");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, "/health"));
        await Eventually.ThatAsync(() => Task.FromResult(refused.Values.Sum()), n => n >= 20, "starts refused while the database is down");
        // Kept down past the due time (1 s) of the timers set just before the crash, so that they come due
        // while nothing can fire them (a precondition held for a while, not a sleep that proves something).
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        await postgres.StartAgainAsync();
        var back = System.Diagnostics.Stopwatch.StartNew();
        // The instances accepted before the crash, whose timers came due while the database was down, complete promptly.
        await Eventually.ThatAsync(() => CompletedAsync(database), n => n >= acceptedAtCrash, $"the {acceptedAtCrash} instances accepted before the crash completed", TimeSpan.FromSeconds(30));
        var caughtUp = back.Elapsed;
        await Eventually.ThatAsync(() => StatusAsync(server, "/health/ready"), s => s == HttpStatusCode.OK, "/health/ready to say 200 once the database is back", TimeSpan.FromSeconds(60));
        await Eventually.ThatAsync(() => Task.FromResult(accepted.Count), n => n >= acceptedAtCrash + 100, "100 more accepted starts after the database came back", TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        // Every start the server accepted completes, each node once, without restarting the server. A start
        // whose commit the database acknowledged as the connection broke may exist although it was answered 503:
        // it must complete too.
        var ids = accepted.ToList();
        await Eventually.ThatAsync(async () => (await CompletedAsync(database), await database.ScalarAsync("""SELECT count(*) FROM "Instances" """)),
            n => n.Item1 == n.Item2 && n.Item1 >= ids.Count, $"every instance completed ({ids.Count} accepted)", TimeSpan.FromSeconds(120));
        var recovered = back.Elapsed;
        var all = await database.ScalarAsync("""SELECT count(*) FROM "Instances" """);
        Assert.Equal(ids.Count, await database.ScalarAsync($"""SELECT count(*) FROM "Instances" WHERE "Id" IN ({string.Join(",", ids.Select(id => $"'{id}'"))})"""));
        Assert.Equal(all * nodes, await database.ScalarAsync("""SELECT count(*) FROM "Journal" WHERE "Status" = 2"""));
        Assert.Equal(0L, await database.ScalarAsync("""SELECT count(*) FROM (SELECT 1 FROM "Journal" WHERE "Status" = 2 GROUP BY "InstanceId", "NodeId" HAVING count(*) > 1) twice"""));
        Assert.False(server.HasExited, "the server process ended");
        Assert.All(refused.Keys, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        output.WriteLine($"accepted {ids.Count} ({acceptedAtCrash} before the crash), refused {refused.Values.Sum()} while the database was down "
            + $"({string.Join(", ", refused.Select(r => $"{(int)r.Key}: {r.Value}"))}), slowest answer {slowest.TotalSeconds:0.0} s; {caughtUp.TotalSeconds:0.0} s after the database came back those accepted before the crash had completed, {recovered.TotalSeconds:0} s after it all {all} completed ({all - ids.Count} of them answered 503), each node once; /health/ready said {(int)ready} meanwhile");
    }

    /// <summary>What a load balancer sees: no credentials.</summary>
    private static async Task<HttpStatusCode> StatusAsync(ServerProcess server, string path)
    {
        using var anonymous = server.ClientAs(null);
        using var response = await anonymous.GetAsync(path);
        return response.StatusCode;
    }

    private static Task<long> CompletedAsync(PostgresDatabase database) =>
        database.ScalarAsync("""SELECT count(*) FROM "Instances" WHERE "Status" = 3""");
}
