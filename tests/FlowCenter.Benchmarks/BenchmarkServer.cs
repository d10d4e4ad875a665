using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FlowCenter.Benchmarks;

/// <summary>A real FlowCenter server process for the benchmarks that need one (designer, auth), on 127.0.0.1.</summary>
internal static class BenchmarkServer
{
    public static Process Start(string folder, int port, string demoPassword)
    {
        var dll = FindServer();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["FlowCenter__Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "flowcenter.db")}";
        start.Environment["FlowCenter__Runtime__WorkflowsFolder"] = Path.Combine(folder, "workflows");
        start.Environment["FlowCenter__ParentProcessId"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["FlowCenter__Security__SeedDemoUsers"] = "true";
        start.Environment["FlowCenter__Security__DemoPassword"] = demoPassword;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string FindServer()
    {
        foreach (var configuration in new[] { "Release", "Debug" })
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "FlowCenter.Server", "bin", configuration, "net10.0", "FlowCenter.Server.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("FlowCenter.Server.dll is not built.");
    }

    public static async Task WaitHealthyAsync(string url)
    {
        using var client = new HttpClient();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await client.GetAsync(url + "/health")).IsSuccessStatusCode)
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

        throw new TimeoutException("The server did not start.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
