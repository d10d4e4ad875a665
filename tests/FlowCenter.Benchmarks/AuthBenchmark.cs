using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace FlowCenter.Benchmarks;

/// <summary>
/// What an authenticated REST request costs against a real server: latency (sequential, p50 and p95) and the
/// rate 8 callers reach, for HTTP Basic (the first request pays the password hash, the next are remembered) and
/// for a personal access token, beside the unauthenticated /health.
/// </summary>
internal static class AuthBenchmark
{
    private const string DemoPassword = "FlowCenter1!";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = double.Parse(BenchmarkServer.Option(args, "--seconds") ?? "5", CultureInfo.InvariantCulture);
        var folder = Path.Combine(Path.GetTempPath(), "fc-auth-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(folder, "workflows"));
        var port = BenchmarkServer.FreePort();
        using var server = BenchmarkServer.Start(folder, port, DemoPassword);
        try
        {
            var url = $"http://127.0.0.1:{port}";
            await BenchmarkServer.WaitHealthyAsync(url);
            using var basic = Client(url, "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"zhang.wei:{DemoPassword}")));
            using var made = await basic.PostAsJsonAsync("/api/me/tokens", new { name = "benchmark", scopes = new[] { "read", "tasks" } });
            var secret = (await made.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>();
            using var bearer = Client(url, "Bearer", secret);
            using var anonymous = Client(url, null, null);

            // The first Basic request of a fresh password pays the hash; a new user name each time so none is remembered.
            var cold = new List<double>();
            foreach (var user in new[] { "li.na", "wang.fang", "chen.jie", "zhao.lei", "zhou.min", "wu.gang", "zheng.hao", "qian.jun" })
            {
                using var fresh = Client(url, "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{DemoPassword}")));
                var watch = Stopwatch.StartNew();
                (await fresh.GetAsync("/api/tasks")).EnsureSuccessStatusCode();
                cold.Add(watch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"FlowCenter auth benchmark: GET /api/tasks against a real server on this machine ({Environment.ProcessorCount} cores), SQLite");
            Console.WriteLine($"Basic, first request of a password (hash): p50 {Percentile(cold, 50):0.0} ms");
            Console.WriteLine("Round trip as the client sees it; server time from the answers' Server-Timing header (auth: until authenticated and authorised; app: until the answer began).");
            foreach (var (name, client, path) in new[] { ("/health, no sign-in", anonymous, "/health"), ("Basic, remembered", basic, "/api/tasks"), ("token", bearer, "/api/tasks") })
            {
                var (latencies, auth, app) = await SequentialAsync(client, path, 300);
                var rate = await ConcurrentAsync(client, path, 8, TimeSpan.FromSeconds(seconds));
                Console.WriteLine($"{name}: round trip p50 {Percentile(latencies, 50):0.00} ms, p95 {Percentile(latencies, 95):0.00} ms; "
                    + (auth.Count > 0 ? $"server auth p50 {Percentile(auth, 50):0.00} ms, p95 {Percentile(auth, 95):0.00} ms; " : "")
                    + $"server app p50 {Percentile(app, 50):0.00} ms, p95 {Percentile(app, 95):0.00} ms; 8 callers: {rate:0} requests/s");
            }

            return 0;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static HttpClient Client(string url, string? scheme, string? parameter)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        if (scheme is not null)
        {
            client.DefaultRequestHeaders.Authorization = new(scheme, parameter);
        }

        return client;
    }

    private static async Task<(List<double> RoundTrip, List<double> Auth, List<double> App)> SequentialAsync(HttpClient client, string path, int count)
    {
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        var latencies = new List<double>(count);
        var auth = new List<double>(count);
        var app = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            // Server-Timing: auth;dur=0.8, app;dur=2.1
            foreach (var metric in response.Headers.TryGetValues("Server-Timing", out var values) ? string.Join(',', values).Split(',') : [])
            {
                var parts = metric.Trim().Split(";dur=");
                if (parts.Length == 2 && double.TryParse(parts[1], CultureInfo.InvariantCulture, out var ms))
                {
                    (parts[0] == "auth" ? auth : app).Add(ms);
                }
            }
        }

        return (latencies, auth, app);
    }

    private static async Task<double> ConcurrentAsync(HttpClient client, string path, int callers, TimeSpan duration)
    {
        var done = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            while (watch.Elapsed < duration)
            {
                using var response = await client.GetAsync(path);
                response.EnsureSuccessStatusCode();
                Interlocked.Increment(ref done);
            }
        }));
        return done / watch.Elapsed.TotalSeconds;
    }

    private static double Percentile(List<double> values, int percent) =>
        values.Order().ElementAt(Math.Min(values.Count - 1, values.Count * percent / 100));
}
