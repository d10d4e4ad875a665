using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace FlowCenter.Server.Tests.TestSupport;

/// <summary>
/// A real FlowCenter server with the shipped processes and, beside it, the simulated enterprise systems, wired
/// as the README's run command wires them: FlowCenter registers its connections to the simulators, the
/// simulators send their webhooks to FlowCenter.
/// </summary>
public sealed class EnterpriseScenario : IAsyncDisposable
{
    private readonly TempFolder _folder;

    private EnterpriseScenario(TempFolder folder, ServerProcess server, Simulators systems)
    {
        _folder = folder;
        Server = server;
        Systems = systems;
    }

    public ServerProcess Server { get; }

    public Simulators Systems { get; }

    public string ReportsFolder => Path.Combine(_folder.Path, "reports");

    public static async Task<EnterpriseScenario> StartAsync(params string[] workflows)
    {
        var folder = new TempFolder();
        foreach (var workflow in workflows)
        {
            folder.AddShippedWorkflow(workflow);
        }

        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var server = await ServerProcess.StartAsync("flowcenter", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
            ["FlowCenter:Demo:EnterpriseUrl"] = $"http://127.0.0.1:{port}",
            ["FlowCenter:Demo:WebhookSecret"] = "enterprise-demo-secret",
            ["FlowCenter:Demo:ReportsFolder"] = Path.Combine(folder.Path, "reports"),
        });
        var systems = await Simulators.StartAsync(server.Client.BaseAddress!.ToString().TrimEnd('/'), port);
        return new EnterpriseScenario(folder, server, systems);
    }

    /// <summary>The one instance of a process, once <paramref name="done"/> holds for it (30 s at most).</summary>
    public async Task<JsonNode> WaitForInstanceAsync(string definitionId, Func<JsonNode, bool> done, string? what = null)
    {
        var last = await Eventually.ThatAsync(
            async () => (await Server.GetAsync($"/api/instances?definitionId={definitionId}"))["items"]!.AsArray().FirstOrDefault() is { } first
                ? await Server.GetAsync($"/api/instances/{first["id"]}")
                : null,
            instance => instance is not null && done(instance), $"{definitionId}: {what ?? "the expected state"}", context: () => Server.Log);
        return last!;
    }

    /// <summary>Waits until <paramref name="count"/> instances of a process have completed and none is running (30 s at most).</summary>
    public async Task WaitForCompletedAsync(string definitionId, int count)
    {
        await Eventually.ThatAsync(
            async () => (Completed: (await Server.GetAsync($"/api/instances?definitionId={definitionId}&status=completed"))["total"]!.GetValue<int>(),
                Total: (await Server.GetAsync($"/api/instances?definitionId={definitionId}"))["total"]!.GetValue<int>()),
            seen => seen.Completed >= count && seen.Completed == seen.Total, $"{definitionId}: {count} instances completed and none running", context: () => Server.Log);
    }

    /// <summary>Whether an instance waits at <paramref name="nodeId"/>.</summary>
    public static bool WaitsAt(JsonNode instance, string nodeId) =>
        instance["bookmarks"]?.AsArray().Any(b => b?["nodeId"]?.GetValue<string>() == nodeId) == true;

    public static bool IsCompleted(JsonNode instance) => instance["status"]?.GetValue<string>() == "completed";

    /// <summary>The first task in <paramref name="user"/>'s to-do box (30 s at most).</summary>
    public async Task<JsonNode> WaitForTaskAsync(string user)
    {
        using var client = Server.ClientAs(user);
        return (await Eventually.ThatAsync(
            async () => JsonNode.Parse(await client.GetStringAsync("/api/tasks?box=todo"))!["items"]!.AsArray().FirstOrDefault(),
            task => task is not null, $"a task in {user}'s inbox", context: () => Server.Log))!;
    }

    /// <summary>Decides a task as <paramref name="user"/> would with the buttons of the task page.</summary>
    public async Task DecideAsync(string user, string itemId, string outcome, string? comment = null, object? data = null)
    {
        using var client = Server.ClientAs(user);
        using var response = await client.PostAsJsonAsync($"/api/tasks/{itemId}/decide", new { outcome, comment, data });
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{user} could not {outcome} {itemId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Systems.DisposeAsync();
        await Server.DisposeAsync();
        _folder.Dispose();
    }
}
