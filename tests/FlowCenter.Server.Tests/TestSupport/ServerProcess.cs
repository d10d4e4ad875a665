using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace FlowCenter.Server.Tests.TestSupport;

/// <summary>
/// A real FlowCenter.Server process on 127.0.0.1 with its own port. It stops when disposed, and by itself
/// when the test process goes away (the server watches its parent).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServerProcess(Process process, int port, string name)
    {
        _process = process;
        Name = name;
        Client = ClientFor(new Uri($"http://127.0.0.1:{port}"), "admin");
    }

    /// <summary>The password of the demo users every test server seeds.</summary>
    public const string DemoPassword = "FlowCenter1!";

    public string Name { get; }

    /// <summary>A client signed in (HTTP Basic) as the demo administrator.</summary>
    public HttpClient Client { get; }

    /// <summary>A client signed in as <paramref name="user"/>, or anonymous when null; the caller disposes it.</summary>
    public HttpClient ClientAs(string? user) => ClientFor(Client.BaseAddress!, user);

    private static HttpClient ClientFor(Uri address, string? user)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{DemoPassword}")));
        }

        return client;
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the server logged, for a failure message.</summary>
    public string LogTail => Log.Length > 3000 ? Log[^3000..] : Log;

    public static async Task<ServerProcess> StartAsync(string name, IDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(ServerAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["FlowCenter__ParentProcessId"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["FlowCenter__Runtime__WorkerName"] = name;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["FlowCenter__Security__SeedDemoUsers"] = "true";
        start.Environment["FlowCenter__Security__DemoPassword"] = DemoPassword;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        var server = new ServerProcess(process, port, name);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    /// <summary>SIGKILL: no shutdown, no flush, whatever runs is cut off.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async Task<JsonNode> PostAsync(string path, object? body = null)
    {
        using var response = await Client.PostAsJsonAsync(path, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict
            ? JsonNode.Parse(text.Length == 0 ? "{}" : text)!
            : throw new HttpRequestException($"{Name} POST {path}: {(int)response.StatusCode} {text}\n{Name}'s log ends:\n{LogTail}");
    }

    public async Task<JsonNode> GetAsync(string path) => JsonNode.Parse(await Client.GetStringAsync(path))!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string ServerAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "FlowCenter.Server", "bin", configuration, "net10.0", "FlowCenter.Server.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("FlowCenter.Server.dll is not built; build the solution first.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan deadline)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                if ((await Client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} did not become healthy within {deadline.TotalSeconds} s:\n{Log}");
    }
}
