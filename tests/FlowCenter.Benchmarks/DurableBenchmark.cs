using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCenter.Benchmarks;

/// <summary>
/// The durable runtime on SQLite (a file) and PostgreSQL: start-to-completion throughput of a 10-node workflow
/// without waits, and resume latency of a waiting instance, on an empty database and again with a large
/// history of completed instances.
/// </summary>
internal static class DurableBenchmark
{
    private const int Concurrency = 8;

    public static async Task<int> RunAsync(string[] args)
    {
        var history = int.Parse(Option(args, "--history") ?? "1000000", CultureInfo.InvariantCulture);
        var postgres = Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("FLOWCENTER_TEST_POSTGRES");
        Console.WriteLine($"FlowCenter durable benchmark: {Environment.ProcessorCount} cores, {Concurrency} concurrent callers, history {history:N0} completed instances");
        Console.WriteLine("Beside each FlowCenter figure the same rows written raw (ADO.NET, one transaction per instance, prepared statements, same callers) and FlowCenter's share of it.");
        Console.WriteLine($"{"database",-22} {"history",10} {"start->done/s",14} {"raw/s",8} {"share",6} {"resume p50",11} {"p95 ms",7} {"raw p50",8} {"p95",6} {"p95 x",6}");
        var file = Path.Combine(Path.GetTempPath(), $"flowcenter-bench-{Guid.NewGuid():N}.db");
        try
        {
            await MeasureAsync("SQLite (file, WAL)", new PersistenceOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" }, history);
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }

        if (postgres is null)
        {
            Console.WriteLine("PostgreSQL: skipped (give --postgres or FLOWCENTER_TEST_POSTGRES)");
            return 0;
        }

        var database = await PostgresDatabase.CreateAsync(postgres);
        try
        {
            await MeasureAsync("PostgreSQL", new PersistenceOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = database.ConnectionString }, history);
        }
        finally
        {
            await database.DropAsync();
        }

        return 0;
    }

    private static async Task MeasureAsync(string name, PersistenceOptions database, int history)
    {
        await using var services = await BenchmarkRuntime.StartAsync(database);

        var definitions = services.GetRequiredService<DefinitionService>();
        await definitions.ImportAsync(TenNodes());
        await definitions.ImportAsync(Waiting());
        var runtime = services.GetRequiredService<IWorkflowRuntime>();

        var raw = RawWrites.For(services.GetRequiredService<FlowCenterDbContextFactory>());
        var (start, resume) = await TemplatesAsync(runtime, raw);
        Console.WriteLine($"{"",-22} (a start writes {start.RowCount} rows, values of {start.Characters:N0} characters; a resume reads the instance's rows in {resume.Read.Count} tables and writes {resume.RowCount} rows, {resume.Characters:N0} characters)");

        // A first round unprinted: JIT tiers, connection pools and caches warm up before anything is measured.
        await MeasureRowAsync(runtime, raw, start, resume);
        await RunRowAsync(name, runtime, raw, start, resume, 0);
        var seeded = Stopwatch.StartNew();
        var state = (await runtime.GetAsync((await runtime.StartAsync(new StartRequest("bench-ten"))).Id))!;
        await HistorySeeder.SeedAsync(services.GetRequiredService<FlowCenterDbContextFactory>(), state, history);
        Console.WriteLine($"{"",-22} (seeded {history:N0} completed instances with {history * state.Journal.Count:N0} journal rows in {seeded.Elapsed.TotalSeconds:0} s)");
        await RunRowAsync(name, runtime, raw, start, resume, history);
    }

    /// <summary>What one start of the ten-node process and one resume of the approval write, read from the tables.</summary>
    private static async Task<(RawWrites.Template Start, RawWrites.Template Resume)> TemplatesAsync(IWorkflowRuntime runtime, RawWrites raw)
    {
        var counts = await raw.CountAsync();
        var started = await runtime.StartAsync(new StartRequest("bench-ten") { Input = new Dictionary<string, JsonNode?> { ["seed"] = 1 } });
        var start = await raw.CaptureStartAsync(started.Id, counts);
        var waiting = await runtime.StartAsync(new StartRequest("bench-wait"));
        var rows = await raw.ReadInstanceAsync(waiting.Id);
        counts = await raw.CountAsync();
        await runtime.ResumeAsync(waiting.Id, waiting.Bookmarks.Single().Id, JsonNode.Parse("""{"outcome":"approve"}"""));
        return (start, await raw.CaptureResumeAsync(waiting.Id, rows, counts));
    }

    private static async Task RunRowAsync(string name, IWorkflowRuntime runtime, RawWrites raw, RawWrites.Template start, RawWrites.Template resume, int history)
    {
        var row = await MeasureRowAsync(runtime, raw, start, resume);
        Console.WriteLine($"{name,-22} {history,10:N0} {row.Throughput,14:N0} {row.RawThroughput,8:N0} {row.Throughput / row.RawThroughput,6:P0} {row.P50,11:0.00} {row.P95,7:0.00} {row.RawP50,8:0.00} {row.RawP95,6:0.00} {row.P95 / row.RawP95,6:0.0}");
    }

    private static async Task<Row> MeasureRowAsync(IWorkflowRuntime runtime, RawWrites raw, RawWrites.Template start, RawWrites.Template resume)
    {
        var throughput = await StartManyAsync(runtime, 10_000);
        var rawThroughput = await raw.StartManyAsync(start, 10_000, Concurrency);
        var (p50, p95) = await ResumeLatencyAsync(runtime, 2000);
        var waiting = new List<string>();
        for (var i = 0; i < 2000; i++)
        {
            waiting.Add((await runtime.StartAsync(new StartRequest("bench-wait"))).Id);
        }

        var (rawP50, rawP95) = await raw.ResumeLatencyAsync(resume, waiting);
        return new Row(throughput, rawThroughput, p50, p95, rawP50, rawP95);
    }

    private sealed record Row(double Throughput, double RawThroughput, double P50, double P95, double RawP50, double RawP95);

    private static async Task<double> StartManyAsync(IWorkflowRuntime runtime, int count)
    {
        var next = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                var instance = await runtime.StartAsync(new StartRequest("bench-ten") { Input = new Dictionary<string, JsonNode?> { ["seed"] = 1 } });
                if (instance.Status != WorkflowStatus.Completed)
                {
                    throw new InvalidOperationException($"bench-ten ended {instance.Status}");
                }
            }
        })));
        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task<(double P50, double P95)> ResumeLatencyAsync(IWorkflowRuntime runtime, int count)
    {
        var waiting = new List<(string Instance, string Bookmark)>();
        for (var i = 0; i < count; i++)
        {
            var instance = await runtime.StartAsync(new StartRequest("bench-wait"));
            waiting.Add((instance.Id, instance.Bookmarks.Single().Id));
        }

        var timings = new List<double>(count);
        foreach (var (instance, bookmark) in waiting)
        {
            var watch = Stopwatch.StartNew();
            if (await runtime.ResumeAsync(instance, bookmark, JsonNode.Parse("""{"outcome":"approve"}""")) != ResumeOutcome.Resumed)
            {
                throw new InvalidOperationException("resume did not happen");
            }

            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        return (timings[count / 2], timings[(int)(count * 0.95)]);
    }

    /// <summary>Start and nine SetVariable nodes, no waits.</summary>
    private static WorkflowDefinition TenNodes()
    {
        var definition = new WorkflowDefinition { Id = "bench-ten", Name = "bench-ten" };
        definition.Nodes.Add(new NodeDefinition { Id = "start", Type = "Start" });
        var previous = "start";
        for (var i = 1; i <= 9; i++)
        {
            definition.Nodes.Add(new NodeDefinition
            {
                Id = $"s{i}",
                Type = "SetVariable",
                Inputs = { ["name"] = InputValue.FromLiteral($"v{i}"), ["value"] = InputValue.FromLiteral(i) },
            });
            definition.Connections.Add(new ConnectionDefinition { Id = $"c{i}", Source = previous, Target = $"s{i}" });
            previous = $"s{i}";
        }

        return definition;
    }

    /// <summary>An approval: waits for a person, then sets a variable and ends.</summary>
    private static WorkflowDefinition Waiting() => new()
    {
        Id = "bench-wait",
        Name = "bench-wait",
        Nodes =
        [
            new NodeDefinition { Id = "start", Type = "Start" },
            new NodeDefinition { Id = "approve", Type = "UserTask", Inputs = { ["assignee"] = InputValue.FromLiteral("wang.fang") } },
            new NodeDefinition { Id = "set", Type = "SetVariable", Inputs = { ["name"] = InputValue.FromLiteral("approved"), ["value"] = InputValue.FromLiteral(true) } },
            new NodeDefinition { Id = "end", Type = "End" },
        ],
        Connections =
        [
            new ConnectionDefinition { Id = "c1", Source = "start", Target = "approve" },
            new ConnectionDefinition { Id = "c2", Source = "approve", SourcePort = "approve", Target = "set" },
            new ConnectionDefinition { Id = "c3", Source = "set", Target = "end" },
        ],
    };

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
