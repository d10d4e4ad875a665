using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCenter.Benchmarks;

/// <summary>
/// How systems really start processes: HMAC-signed webhook deliveries from 8 callers over HTTP to a real server
/// (SQLite) whose process starts on the event, against the same process started in-process by 8 callers on a
/// SQLite file in the same run. Prints both rates and the deliveries' share of the in-process rate. The server's
/// per-connection webhook limit is lifted for the run, so that the figure is the server's, not the limit's.
/// </summary>
internal static class WebhookBenchmark
{
    private const int Callers = 8;
    private const string Secret = "webhook-benchmark-secret";
    private const string EventName = "bench.ping";

    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(BenchmarkServer.Option(args, "--deliveries") ?? "4000", CultureInfo.InvariantCulture);
        var folder = Path.Combine(Path.GetTempPath(), "fc-webhook-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(folder, "workflows"));
        await File.WriteAllTextAsync(Path.Combine(folder, "workflows", "bench-hook.json"), WorkflowJson.Write(OnEvent()));
        try
        {
            Console.WriteLine($"FlowCenter webhook benchmark: {Environment.ProcessorCount} cores, {Callers} callers, {count:N0} starts each way, SQLite file");
            var inProcess = await InProcessAsync(Path.Combine(folder, "in-process.db"), count);
            var delivered = await DeliveriesAsync(folder, count);
            Console.WriteLine($"in-process starts (IWorkflowRuntime.StartAsync): {inProcess,8:N0}/s");
            Console.WriteLine($"signed webhook deliveries accepted (HTTP):       {delivered,8:N0}/s  ({delivered / inProcess:P0} of in-process)");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The event's process: a start on the event and nine steps that set a variable, no waits.</summary>
    private static WorkflowDefinition OnEvent()
    {
        var definition = new WorkflowDefinition { Id = "bench-hook", Name = "bench-hook" };
        definition.Nodes.Add(new NodeDefinition { Id = "start", Type = "EventStart", Inputs = { ["eventName"] = InputValue.FromLiteral(EventName) } });
        var previous = "start";
        for (var i = 1; i <= 9; i++)
        {
            definition.Nodes.Add(new NodeDefinition { Id = $"s{i}", Type = "SetVariable", Inputs = { ["name"] = InputValue.FromLiteral($"v{i}"), ["value"] = InputValue.FromLiteral(i) } });
            definition.Connections.Add(new ConnectionDefinition { Id = $"c{i}", Source = previous, Target = $"s{i}" });
            previous = $"s{i}";
        }

        return definition;
    }

    private static async Task<double> InProcessAsync(string file, int count)
    {
        await using var services = await BenchmarkRuntime.StartAsync(new PersistenceOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" });

        await services.GetRequiredService<DefinitionService>().ImportAsync(OnEvent());
        var runtime = services.GetRequiredService<IWorkflowRuntime>();
        await StartManyAsync(count / 4, async () => await runtime.StartAsync(new StartRequest("bench-hook") { Input = Payload(0) })); // warm-up
        return await StartManyAsync(count, async () => await runtime.StartAsync(new StartRequest("bench-hook") { Input = Payload(1) }));
    }

    private static async Task<double> DeliveriesAsync(string folder, int count)
    {
        var port = BenchmarkServer.FreePort();
        using var server = StartServer(folder, port);
        try
        {
            var url = $"http://127.0.0.1:{port}";
            await BenchmarkServer.WaitHealthyAsync(url);
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            var next = 0;
            await StartManyAsync(count / 4, () => DeliverAsync(client, Interlocked.Increment(ref next))); // warm-up
            return await StartManyAsync(count, () => DeliverAsync(client, Interlocked.Increment(ref next)));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The server with the demo's signed webhook connection ("enterprise", HMAC with <see cref="Secret"/>) and the event's process.</summary>
    private static Process StartServer(string folder, int port)
    {
        Environment.SetEnvironmentVariable("FlowCenter__Demo__EnterpriseUrl", "http://127.0.0.1:9");
        Environment.SetEnvironmentVariable("FlowCenter__Demo__WebhookSecret", Secret);
        Environment.SetEnvironmentVariable("FlowCenter__Demo__ReportsFolder", Path.Combine(folder, "reports"));
        // The per-connection limit (200/s by default) guards a server against a flood; here it would cap the figure.
        Environment.SetEnvironmentVariable("FlowCenter__Security__RateLimits__WebhooksPerSecond", "1000000");
        return BenchmarkServer.Start(folder, port, "FlowCenter1!");
    }

    private static async Task<object> DeliverAsync(HttpClient client, int n)
    {
        var body = Encoding.UTF8.GetBytes(Payload(n).Aggregate(new JsonObject(), (o, p) => { o[p.Key] = p.Value; return o; }).ToJsonString());
        var id = $"bench-{Environment.ProcessId}-{n}";
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), (byte[])[.. Encoding.UTF8.GetBytes($"{stamp}.{id}."), .. body]));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/enterprise/{EventName}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Delivery-Id", id);
        request.Headers.Add("X-Timestamp", stamp);
        request.Headers.Add("X-Signature", "sha256=" + signature);
        using var response = await client.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        // Accepted means a case started: a 200 that started nothing (a duplicate, no armed trigger) does not count.
        return response.StatusCode is HttpStatusCode.OK && JsonNode.Parse(answer)?["startedInstanceIds"] is JsonArray { Count: 1 }
            ? response.StatusCode
            : throw new InvalidOperationException($"delivery {id} answered {(int)response.StatusCode} without starting one case: {answer}");
    }

    private static Dictionary<string, JsonNode?> Payload(int n) => new() { ["orderId"] = $"SO-{n}", ["amount"] = 1200 + n };

    private static async Task<double> StartManyAsync(int count, Func<Task<object>> start)
    {
        var done = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref done) <= count)
            {
                await start();
            }
        })));
        return count / watch.Elapsed.TotalSeconds;
    }
}
