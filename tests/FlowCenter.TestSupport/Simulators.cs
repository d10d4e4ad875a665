using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Samples.Enterprise;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCenter.TestSupport;

/// <summary>
/// The simulated enterprise systems (samples/FlowCenter.Samples.Enterprise) on 127.0.0.1 with a SQLite file of
/// their own, as the real peer of connector and process tests; their webhooks go to <c>flowCenterUrl</c>.
/// </summary>
public sealed class Simulators : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private Simulators(WebApplication app, string folder)
    {
        _app = app;
        _folder = folder;
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(Url) };
    }

    public string Url { get; }

    public HttpClient Client { get; }

    public static async Task<Simulators> StartAsync(string flowCenterUrl = "http://127.0.0.1:9", int port = 0)
    {
        var folder = Path.Combine(Path.GetTempPath(), "flowcenter-sim-" + Guid.NewGuid().ToString("N")[..8]);
        var app = EnterpriseApp.Create(
        [
            "--urls", $"http://127.0.0.1:{port}",
            "--Enterprise:Database", Path.Combine(folder, "enterprise.db"),
            "--Enterprise:FlowCenterUrl", flowCenterUrl,
            "--Logging:LogLevel:Default", "Error",
        ]);
        await app.StartAsync();
        return new Simulators(app, folder);
    }

    public async Task<JsonNode> PostAsync(string path, object? body = null)
    {
        using var response = await Client.PostAsJsonAsync(path, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? (text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!) : throw new HttpRequestException($"POST {path}: {(int)response.StatusCode} {text}");
    }

    public async Task<JsonNode> GetAsync(string path) => JsonNode.Parse(await Client.GetStringAsync(path))!;

    /// <summary>Orders trouble: the next <paramref name="times"/> requests under <paramref name="path"/> fail, answer late or answer garbage.</summary>
    public Task ChaosAsync(string path, string mode, int times = 1, int delayMs = 0) => PostAsync("/_chaos", new { path, mode, times, delayMs });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}
