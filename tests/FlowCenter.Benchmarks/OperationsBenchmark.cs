using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.State;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Cases;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Monitoring;
using FlowCenter.Runtime.Organization;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCenter.Benchmarks;

/// <summary>
/// The operators' queries over 10,000 running instances, then again with a history of completed instances (one
/// million with ten million journal rows by default) on a SQLite file and PostgreSQL: the list's first page by
/// status and by a variable, its total, one instance page (200 journal entries), a version's per-step counts
/// and the operator home's figures. Each prints its p50 and p95 and, after the history, its p95's growth.
/// </summary>
internal static class OperationsBenchmark
{
    private const int Running = 10_000;
    private const int Runs = 200;
    private static readonly Caller Operator = new("operator", [Roles.Operator]);

    public static async Task<int> RunAsync(string[] args)
    {
        var history = int.Parse(Option(args, "--history") ?? "1000000", CultureInfo.InvariantCulture);
        var postgres = Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("FLOWCENTER_TEST_POSTGRES");
        var keep = args.Contains("--keep"); // leaves the databases behind, to read their plans
        var only = Option(args, "--only"); // "sqlite" or "postgres"
        Console.WriteLine($"FlowCenter operations benchmark: {Environment.ProcessorCount} cores, {Running:N0} running instances, then a history of {history:N0} completed; {Runs} runs per query");
        var file = Path.Combine(Path.GetTempPath(), $"flowcenter-ops-{Guid.NewGuid():N}.db");
        try
        {
            if (only is null or "sqlite")
            {
                await MeasureAsync("SQLite (file, WAL)", new PersistenceOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" }, history);
            }
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(_ => !keep))
            {
                File.Delete(path);
            }

            if (keep)
            {
                Console.WriteLine($"SQLite: kept {file}");
            }
        }

        if (only is "sqlite")
        {
            return 0;
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
            if (keep)
            {
                Console.WriteLine($"PostgreSQL: kept {database.ConnectionString}");
            }
            else
            {
                await database.DropAsync();
            }
        }

        return 0;
    }

    private static async Task MeasureAsync(string name, PersistenceOptions database, int history)
    {
        await using var services = await BenchmarkRuntime.StartAsync(database);

        var definitions = services.GetRequiredService<DefinitionService>();
        await definitions.ImportAsync(Approval());
        await definitions.ImportAsync(Long());
        var runtime = services.GetRequiredService<IWorkflowRuntime>();
        var watch = Stopwatch.StartNew();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= Running - 1)
            {
                await runtime.StartAsync(new StartRequest("bench-ops") { Input = new Dictionary<string, JsonNode?> { ["amount"] = i % 1000 }, BusinessKey = $"OPS-{i}" });
            }
        })));
        var page = await runtime.StartAsync(new StartRequest("bench-long"));
        Console.WriteLine($"{name}: started {Running:N0} running instances in {watch.Elapsed.TotalSeconds:0} s; the instance page's case has {(await runtime.GetAsync(page.Id))!.Journal.Count} journal entries");

        var before = await RunQueriesAsync(name, "10,000", services, page.Id, null);
        watch.Restart();
        var template = (await runtime.GetAsync((await runtime.StartAsync(new StartRequest("bench-ops") { Input = new Dictionary<string, JsonNode?> { ["amount"] = 1 } })).Id))!;
        var completedTemplate = HistoryTemplate(template);
        await HistorySeeder.SeedAsync(services.GetRequiredService<FlowCenterDbContextFactory>(), completedTemplate, history);
        Console.WriteLine($"{name}: seeded {history:N0} completed instances with {history * (long)completedTemplate.Journal.Count:N0} journal rows in {watch.Elapsed.TotalSeconds:0} s");
        await RunQueriesAsync(name, $"{history + Running:N0}", services, page.Id, before);
    }

    /// <summary>
    /// A completed copy of an approval (its nine steps to the decision, then its end): ten journal entries, as years
    /// of history hold them, in the same process version as the running cases.
    /// </summary>
    private static WorkflowInstance HistoryTemplate(WorkflowInstance template)
    {
        template.Status = WorkflowStatus.Completed;
        var last = template.Journal[^1];
        template.Journal = [.. template.Journal.Append(new JournalEntry { NodeId = "end", ActivityType = "End", TokenId = last.TokenId, StartedAt = last.StartedAt }).Select((e, i) => new JournalEntry { Sequence = i + 1, NodeId = e.NodeId, ActivityType = e.ActivityType, TokenId = e.TokenId, Attempt = 1, Status = JournalStatus.Completed, StartedAt = e.StartedAt, CompletedAt = e.StartedAt, Outcome = "done" })];
        template.Tokens.Clear();
        template.Bookmarks.Clear();
        return template;
    }

    private static async Task<Dictionary<string, double>> RunQueriesAsync(string name, string over, IServiceProvider services, string pageInstance, Dictionary<string, double>? before)
    {
        var runtime = services.GetRequiredService<IWorkflowRuntime>();
        var operations = services.GetRequiredService<InstanceOperations>();
        var monitor = services.GetRequiredService<MonitorService>();
        (string Name, Func<Task> Query)[] queries =
        [
            ("list, first page by status", async () => Check((await runtime.QueryAsync(new InstanceQuery { Status = WorkflowStatus.Waiting, Take = 50 })).Items.Count == 50)),
            ("list, first page by a variable", async () => Check((await runtime.QueryAsync(new InstanceQuery { Variables = [new VariableCondition("amount", VariableOperator.GreaterOrEqual, "990")], Status = WorkflowStatus.Waiting, Take = 50 })).Items.Count == 50)),
            ("list, total count (by status)", async () => Check((await runtime.QueryAsync(new InstanceQuery { Status = WorkflowStatus.Waiting, Take = 1 })).Total >= Running)),
            ("list, total count (no filter)", async () => Check((await runtime.QueryAsync(new InstanceQuery { Take = 1 })).Total >= Running)),
            ("instance page (200 journal entries)", async () =>
            {
                var details = await operations.GetAsync(pageInstance, Operator);
                Check(details!.Instance.Journal.Count >= 200);
                await operations.ChildrenAsync(pageInstance, Operator);
                await operations.RepairsAsync(pageInstance, Operator);
                await operations.TasksAsync(pageInstance, Operator);
            }),
            ("per-step counts of a version", async () => Check((await monitor.NodeStatisticsAsync("bench-ops", 1, Operator)).Single(n => n.NodeId == "approve").Active >= Running - 1)),
            ("operator home figures", async () => Check((await monitor.OverviewAsync(false, Operator)).Processes.Count >= 2)),
        ];

        var p95s = new Dictionary<string, double>();
        Console.WriteLine($"{name}, over {over} instances:");
        foreach (var (query, run) in queries)
        {
            for (var i = 0; i < 10; i++)
            {
                await run();
            }

            var timings = new List<double>(Runs);
            for (var i = 0; i < Runs; i++)
            {
                var watch = Stopwatch.StartNew();
                await run();
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }

            timings.Sort();
            var (p50, p95) = (timings[Runs / 2], timings[(int)(Runs * 0.95)]);
            p95s[query] = p95;
            var growth = before is not null && before.TryGetValue(query, out var was) ? $" ({p95 / was:0.0}× the p95 over 10,000)" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {query}: p50 {p50:0.0} ms, p95 {p95:0.0} ms{growth}"));
        }

        return p95s;
    }

    private static void Check(bool holds)
    {
        if (!holds)
        {
            throw new InvalidOperationException("A query answered something other than the data holds.");
        }
    }

    /// <summary>An approval that keeps the amount it was started with: the running cases.</summary>
    private static WorkflowDefinition Approval() => new()
    {
        Id = "bench-ops",
        Name = "bench-ops",
        Inputs = [new ParameterDefinition { Name = "amount", Type = DataType.Number }],
        Variables = [new VariableDefinition { Name = "amount", Type = DataType.Number }, new VariableDefinition { Name = "checked", Type = DataType.Number }],
        Nodes =
        [
            new NodeDefinition { Id = "start", Type = "Start" },
            new NodeDefinition { Id = "set", Type = "SetVariable", Inputs = { ["name"] = InputValue.FromLiteral("amount"), ["value"] = InputValue.FromExpression("input.amount") } },
            .. Enumerable.Range(1, 6).Select(n => new NodeDefinition { Id = $"check{n}", Type = "SetVariable", Inputs = { ["name"] = InputValue.FromLiteral("checked"), ["value"] = InputValue.FromExpression($"{n}") } }),
            new NodeDefinition { Id = "approve", Type = "UserTask", Inputs = { ["assignee"] = InputValue.FromLiteral("wang.fang") } },
            new NodeDefinition { Id = "end", Type = "End" },
        ],
        Connections =
        [
            new ConnectionDefinition { Id = "c1", Source = "start", Target = "set" },
            new ConnectionDefinition { Id = "c2", Source = "set", Target = "check1" },
            .. Enumerable.Range(1, 5).Select(n => new ConnectionDefinition { Id = $"checked{n}", Source = $"check{n}", Target = $"check{n + 1}" }),
            new ConnectionDefinition { Id = "c3", Source = "check6", Target = "approve" },
            new ConnectionDefinition { Id = "c4", Source = "approve", SourcePort = "approve", Target = "end" },
        ],
    };

    /// <summary>A case that counted to 100 before it waits: about 200 journal entries for the instance page.</summary>
    private static WorkflowDefinition Long() => new()
    {
        Id = "bench-long",
        Name = "bench-long",
        Variables = [new VariableDefinition { Name = "n", Type = DataType.Number, Default = 0 }],
        Nodes =
        [
            new NodeDefinition { Id = "start", Type = "Start" },
            new NodeDefinition { Id = "inc", Type = "SetVariable", Inputs = { ["name"] = InputValue.FromLiteral("n"), ["value"] = InputValue.FromExpression("n + 1") } },
            new NodeDefinition { Id = "decide", Type = "Decision" },
            new NodeDefinition { Id = "wait", Type = "UserTask", Inputs = { ["assignee"] = InputValue.FromLiteral("wang.fang") } },
        ],
        Connections =
        [
            new ConnectionDefinition { Id = "c1", Source = "start", Target = "inc" },
            new ConnectionDefinition { Id = "c2", Source = "inc", Target = "decide" },
            new ConnectionDefinition { Id = "again", Source = "decide", SourcePort = "again", Target = "inc", Condition = WorkflowExpression.Js("n < 100") },
            new ConnectionDefinition { Id = "c3", Source = "decide", SourcePort = Ports.Default, Target = "wait" },
        ],
    };

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
