using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Api;

/// <summary>The REST API of a real server: start, resume exactly once, bad answers, export, health and the dashboard.</summary>
public sealed class RestApiTests
{
    [Fact]
    public async Task Api_StartResumeTwiceAndBadInput_AnswerAsAClientExpects()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("approve")
            .Variable("amount", FlowCenter.Engine.Definitions.DataType.Number, 1500).Variable("supplier", FlowCenter.Engine.Definitions.DataType.String, "Acme, \"Steel\"")
            .Node("start", "Start").Node("task", "UserTask", ("title", "Approve")).Node("end", "End")
            .Connect("start", "task").Connect("task", "end", "approve").Build());
        await using var server = await ServerProcess.StartAsync("api", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        var client = server.Client;

        var started = await server.PostAsync("/api/instances", new { definitionId = "approve", businessKey = "PO-1" });
        var id = started["id"]!.GetValue<string>();
        var bookmark = started["bookmarks"]!.AsArray().Single(b => b!["kind"]!.GetValue<string>() == "userTask")!["id"]!.GetValue<string>();

        using var malformed = await client.PostAsync($"/api/instances/{id}/bookmarks/{bookmark}", new StringContent("{\"outcome\": ", System.Text.Encoding.UTF8, "application/json"));
        using var maybe = await client.PostAsJsonAsync($"/api/instances/{id}/bookmarks/{bookmark}", new { outcome = "maybe" });
        using var first = await client.PostAsJsonAsync($"/api/instances/{id}/bookmarks/{bookmark}", new { outcome = "approve" });
        using var second = await client.PostAsJsonAsync($"/api/instances/{id}/bookmarks/{bookmark}", new { outcome = "approve" });
        using var unknown = await client.GetAsync("/api/instances/nope");
        using var badStart = await client.PostAsJsonAsync("/api/instances", new { definitionId = "missing" });
        using var export = await client.GetAsync("/api/definitions/approve/versions/1/json");
        using var dashboard = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("not valid JSON", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, maybe.StatusCode);
        Assert.Contains("maybe", await maybe.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("completed", (await server.GetAsync($"/api/instances/{id}"))["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStart.StatusCode);
        Assert.Contains("\"id\": \"approve\"", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(1, (await server.GetAsync("/api/instances?businessKey=PO-1"))["total"]!.GetValue<int>());

        // The list's filters combine, as query parameters: a completed instance of version 1 without incidents,
        // completed after it started; none waiting at a node; a sort it does not know is refused by name.
        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"));
        Assert.Equal(1, (await server.GetAsync($"/api/instances?definitionId=approve&version=1&status=completed&hasIncidents=false&completedFrom={since}&sort=-updated"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await server.GetAsync("/api/instances?definitionId=approve&node=review"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await server.GetAsync("/api/instances?definitionId=approve&version=2"))["total"]!.GetValue<int>());
        using var badSort = await client.GetAsync("/api/instances?sort=sideways");
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.Contains("sideways", await badSort.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Variable conditions, several ANDed; a misspelt parameter is refused rather than ignored (it would widen the list).
        Assert.Equal(1, (await server.GetAsync("/api/instances?var=amount%3E%3D1000&var=supplier%20contains%20acme"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await server.GetAsync("/api/instances?var=amount%3E%3D1000&var=supplier%3DBeta"))["total"]!.GetValue<int>());
        using var misspelt = await client.GetAsync("/api/instances?staus=running");
        Assert.Equal(HttpStatusCode.BadRequest, misspelt.StatusCode);
        Assert.Contains("staus", await misspelt.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The export holds every matching instance, quoted as CSV, not one page.
        using var csv = await client.GetAsync("/api/instances/export?definitionId=approve&take=1");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,process,version,businessKey,status", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(id + ",approve,1,PO-1,completed,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batches_PreviewThenRun_SuspendAndResume_OverHttp()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("approve")
            .Variable("amount", FlowCenter.Engine.Definitions.DataType.Number, 0)
            .Node("start", "Start").Node("set", "SetVariable", ("name", "amount"), ("value", new Js("input.amount"))).Node("task", "UserTask", ("title", "Approve")).Node("end", "End")
            .Connect("start", "set").Connect("set", "task").Connect("task", "end", "approve").Build());
        await using var server = await ServerProcess.StartAsync("api-batches", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        var ids = new List<string>();
        foreach (var amount in new[] { 100, 2000, 3000 })
        {
            ids.Add((await server.PostAsync("/api/instances", new { definitionId = "approve", input = new { amount } }))["id"]!.GetValue<string>());
        }

        // One instance suspended by hand, then resumed; a second suspend of a suspended one is refused by name.
        using var suspended = await server.Client.PostAsJsonAsync($"/api/instances/{ids[0]}/suspend", new { reason = "supplier on hold" });
        using var twice = await server.Client.PostAsJsonAsync($"/api/instances/{ids[0]}/suspend", new { });
        Assert.Equal(HttpStatusCode.NoContent, suspended.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("already suspended", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("suspended", (await server.GetAsync($"/api/instances/{ids[0]}"))["status"]!.GetValue<string>());
        using var resumed = await server.Client.PostAsync($"/api/instances/{ids[0]}/resume", null);
        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
        Assert.Equal("waiting", (await server.GetAsync($"/api/instances/{ids[0]}"))["status"]!.GetValue<string>());

        // A batch over a filter: counted first, made with that count; a stale count is 409; an unknown action is named.
        const string filter = "?definitionId=approve&var=amount%3E%3D1000";
        Assert.Equal(2, (await server.PostAsync("/api/batches/preview", new { action = "cancel", filter }))["count"]!.GetValue<int>());
        using var stale = await server.Client.PostAsJsonAsync("/api/batches", new { action = "cancel", filter, expectedCount = 3 });
        using var nonsense = await server.Client.PostAsJsonAsync("/api/batches", new { action = "explode", filter });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("preview the batch again", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
        Assert.Contains("explode", await nonsense.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var made = await server.Client.PostAsJsonAsync("/api/batches", new { action = "cancel", filter, expectedCount = 2, reason = "orders withdrawn" });
        Assert.Equal(HttpStatusCode.Accepted, made.StatusCode);
        var batchId = JsonNode.Parse(await made.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        var batch = await Eventually.ThatAsync(() => server.GetAsync($"/api/batches/{batchId}"), b => b["finishedAt"] is not null, "the batch to finish");
        Assert.Equal((2, 2, "cancel"), (batch["done"]!.GetValue<int>(), batch["total"]!.GetValue<int>(), batch["action"]!.GetValue<string>()));
        var items = (await server.GetAsync($"/api/batches/{batchId}/items?outcome=done"))["items"]!.AsArray();
        Assert.Equal(ids.Skip(1).Order(), items.Select(i => i!["instanceId"]!.GetValue<string>()).Order());
        Assert.Equal(["waiting", "cancelled", "cancelled"], [.. await Task.WhenAll(ids.Select(async id => (await server.GetAsync($"/api/instances/{id}"))["status"]!.GetValue<string>()))]);
        Assert.Equal(1, (await server.GetAsync("/api/batches"))["total"]!.GetValue<int>());
        using var badOutcome = await server.Client.GetAsync($"/api/batches/{batchId}/items?outcome=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, badOutcome.StatusCode);
    }
}
