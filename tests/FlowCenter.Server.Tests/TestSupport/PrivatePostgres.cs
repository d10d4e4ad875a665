using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FlowCenter.Server.Tests.TestSupport;

/// <summary>
/// A PostgreSQL cluster of the test's own (Debian's binaries, 127.0.0.1, a scratch folder) that the test may
/// crash and start again without touching the server other tests share. As root its programs run as the
/// postgres user, which PostgreSQL requires.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly int _port;

    private PrivatePostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        _port = port;
    }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Timeout=5";

    /// <summary>The newest Debian PostgreSQL binaries folder, or null when PostgreSQL is not installed.</summary>
    public static string? Binaries =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).LastOrDefault()
            : null;

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Binaries ?? throw new InvalidOperationException("PostgreSQL is not installed.");
        var folder = Path.Combine(Path.GetTempPath(), "fc-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres", folder);
        }

        var server = new PrivatePostgres(bin, folder, FreePort());
        await server.RunAsPostgresAsync("initdb", "-D", server.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        await server.StartAgainAsync();
        return server;
    }

    private string Data => Path.Combine(_folder, "data");

    /// <summary>Starts the stopped cluster again on the same port and data.</summary>
    public Task StartAgainAsync() => RunAsPostgresAsync(
        "pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -p {_port} -k {_folder} -c fsync=off -c max_connections=200", "start");

    /// <summary>Stops as a crash would: every backend killed at once, no checkpoint, recovery at the next start.</summary>
    public Task CrashAsync() => RunAsPostgresAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CrashAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_folder, recursive: true);
    }

    private Task RunAsPostgresAsync(string program, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments])
            : RunAsync(Path.Combine(_bin, program), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
