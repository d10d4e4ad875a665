using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Connectors.Polling;
using FlowCenter.Connectors.Tests.TestSupport;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.State;
using FlowCenter.Runtime.Connections;
using Microsoft.Data.Sqlite;

namespace FlowCenter.Connectors.Tests.Polling;

/// <summary>Change polling against the simulated CRM (REST) and a SQLite file (row versions).</summary>
public sealed class ReadChangesTests : IAsyncLifetime, IDisposable
{
    private readonly ConnectorHost _connector = new();
    private Simulators _systems = null!;

    public async Task InitializeAsync()
    {
        _systems = await Simulators.StartAsync();
        await _connector.Connections.SaveAsync(new("crm", ConnectionKind.Rest) { Settings = new JsonObject { ["baseUrl"] = _systems.Url + "/api/crm" } });
    }

    public async Task DisposeAsync() => await _systems.DisposeAsync();

    public void Dispose() => _connector.Dispose();

    [Fact]
    public async Task Rest_ReadsEverythingFirst_ThenOnlyWhatChangedSince_ThenNothing()
    {
        var first = await RunAsync(("url", "customers"));
        await PutCustomerAsync("C002", "苏州精工电子股份有限公司");
        await PutCustomerAsync("C004", "Wuxi Precision Castings");
        await PutCustomerAsync("C002", "苏州精工电子集团"); // changed twice: counts once, the latest
        var second = await RunAsync(("url", "customers"));
        var third = await RunAsync(("url", "customers"));

        Assert.Equal(["C001", "C002", "C003"], Codes(first));
        Assert.Equal(["C004", "C002"], Codes(second));
        Assert.Equal("苏州精工电子集团", second.Variables["changes"]!["items"]![1]!["name"]!.GetValue<string>());
        Assert.Equal(first.Variables["changes"]!["to"]!.GetValue<string>(), second.Variables["changes"]!["from"]!.GetValue<string>());
        Assert.Contains("idle", third.CompletedPath());
        Assert.Equal(0, third.Variables["changes"]!["count"]!.GetValue<int>());
        var mark = await _connector.Watermarks.FindAsync("crm-customers");
        Assert.Equal(second.Variables["changes"]!["to"]!.GetValue<string>(), mark!.Value);
    }

    [Fact]
    public async Task Rest_RunsAtOnce_TakeEachChangeExactlyOnce()
    {
        await RunAsync(("url", "customers"));
        for (var i = 0; i < 12; i++)
        {
            await PutCustomerAsync($"N{i:00}", $"New customer {i}");
        }

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunAsync(("url", "customers"), ("maxItems", 5))));
        var again = await RunAsync(("url", "customers"), ("maxItems", 5));
        var taken = runs.Append(again).SelectMany(Codes).ToList();

        Assert.Equal(12, taken.Count);
        Assert.Equal(12, taken.Distinct().Count());
    }

    [Fact]
    public async Task Rest_RunRepeatedAfterACrash_TakesItsOwnBatchAgain_EvenWhenOthersMovedOn()
    {
        // A run claims the first batch, then its process dies before saving the instance; meanwhile another run takes the next batch.
        var first = await RunAsync(("url", "customers"), ("instanceId", "sync-0001"));
        await PutCustomerAsync("C007", "Later customer");
        var other = await RunAsync(("url", "customers"));

        // After the restart the same instance runs again from its last commit and reaches the node at the same place.
        using var restarted = new ConnectorHost(_connector.Connections, _connector.Watermarks);
        var repeated = await RunAsync(restarted, [("url", "customers"), ("instanceId", "sync-0001")]);

        Assert.Equal(["C007"], Codes(other));
        Assert.Equal(Codes(first), Codes(repeated));
        Assert.Equal(first.Variables["changes"]!["to"]!.GetValue<string>(), repeated.Variables["changes"]!["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sql_ReadsRowsAboveTheRowVersion()
    {
        var file = Path.Combine(Path.GetTempPath(), $"fc-changes-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await db.OpenAsync();
                await using var create = db.CreateCommand();
                create.CommandText = "CREATE TABLE items (sku TEXT PRIMARY KEY, qty INTEGER, version INTEGER); INSERT INTO items VALUES ('A', 1, 7), ('B', 2, 9), ('C', 3, 11);";
                await create.ExecuteNonQueryAsync();
            }

            await _connector.Connections.SaveAsync(new("mes-db", ConnectionKind.Database)
            {
                Settings = new JsonObject { ["provider"] = "Sqlite" },
                Secrets = new Dictionary<string, string> { ["connectionString"] = $"Data Source={file};Pooling=False" },
            });

            var instance = await RunAsync(("connection", "mes-db"), ("watermark", "mes-items"), ("watermarkField", "version"), ("keyField", "sku"), ("initial", "8"),
                ("sql", "SELECT sku, qty, version FROM items WHERE @since IS NULL OR version > CAST(@since AS INTEGER) ORDER BY version"));

            Assert.Empty(instance.Incidents);
            Assert.Equal(["B", "C"], instance.Variables["changes"]!["items"]!.AsArray().Select(i => i!["sku"]!.GetValue<string>()));
            Assert.Equal("11", (await _connector.Watermarks.FindAsync("mes-items"))!.Value);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task SourceDown_FailsNamingTheAddress_AndLeavesTheWatermark()
    {
        await RunAsync(("url", "customers"));
        var before = await _connector.Watermarks.FindAsync("crm-customers");
        await _systems.ChaosAsync("/api/crm/customers", "garbage", times: 5);

        var failed = await RunAsync(("url", "customers"));

        Assert.Contains("did not answer JSON", Assert.Single(failed.Incidents).Message, StringComparison.Ordinal);
        Assert.Equal(before, await _connector.Watermarks.FindAsync("crm-customers"));
    }

    private static List<string> Codes(WorkflowInstance instance) =>
        [.. instance.Variables["changes"]!["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>())];

    private async Task PutCustomerAsync(string code, string name)
    {
        using var response = await _systems.Client.PutAsJsonAsync($"/api/crm/customers/{code}", new { name, city = "无锡" });
        response.EnsureSuccessStatusCode();
        await Task.Delay(2); // distinct change times
    }

    private Task<WorkflowInstance> RunAsync(params (string Name, object? Value)[] inputs) => RunAsync(_connector, inputs);

    private static async Task<WorkflowInstance> RunAsync(ConnectorHost connector, (string Name, object? Value)[] inputs)
    {
        var instanceId = inputs.FirstOrDefault(i => i.Name == "instanceId").Value as string;
        inputs = [.. inputs.Where(i => i.Name != "instanceId")];
        var id = "changes-" + Guid.NewGuid().ToString("N")[..6];
        (string, object?)[] defaults = [("connection", "crm"), ("watermark", "crm-customers"), ("watermarkField", "updatedAt"), ("keyField", "code"), ("resultVariable", "changes")];
        connector.Host.Register(new WorkflowBuilder(id)
            .Variable("changes")
            .Node("start", "Start")
            .Node("read", "ReadChanges", [.. defaults.Where(d => !inputs.Any(i => i.Name == d.Item1)), .. inputs])
            .Node("work", "End").Node("idle", "End")
            .Connect("start", "read")
            .Connect("read", "work", ReadChanges.Changes).Connect("read", "idle", ReadChanges.None)
            .Build());
        return await connector.Host.StartAsync(id, new StartOptions { InstanceId = instanceId });
    }
}
