using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Api;

/// <summary>An ordinary account with someone else's ids, over real HTTP: case data, events, drafts, bodies, redirects, sessions.</summary>
public sealed class CaseRightsApiTests
{
    [Fact]
    public async Task Stranger_GetsNotFound_ParticipantsAndOperatorsSeeTheCase_EventsAreForOperators()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("approve").Input("requester")
            .Node("start", "Start").Node("task", "UserTask", ("title", "Approve"), ("assignee", "li.na"))
            .Node("wait", "WaitEvent", ("eventName", "goods.received"), ("correlationKey", "PO-1")).Node("end", "End")
            .Connect("start", "task").Connect("task", "wait", "approve").Connect("wait", "end").Build());
        await using var server = await ServerProcess.StartAsync("rights", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        using var requester = server.ClientAs("zhang.wei");
        using var approver = server.ClientAs("li.na");
        using var stranger = server.ClientAs("wang.fang");
        using var operatorClient = server.ClientAs("operator");

        using var startResponse = await requester.PostAsJsonAsync("/api/instances", new { definitionId = "approve", input = new { requester = "chen.jie" } });
        var started = (await startResponse.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = started["id"]!.GetValue<string>();
        var item = (await approver.GetFromJsonAsync<JsonObject>("/api/tasks?box=todo"))!["items"]![0]!["itemId"]!.GetValue<string>();

        using var strangerInstance = await stranger.GetAsync($"/api/instances/{id}");
        using var strangerTask = await stranger.GetAsync($"/api/tasks/{item}");
        using var strangerComment = await stranger.PostAsJsonAsync($"/api/tasks/{item}/comment", new { comment = "hi" });
        using var strangerEvent = await stranger.PostAsJsonAsync("/api/events/goods.received?key=PO-1", new { qty = 1 });
        using var requesterInstance = await requester.GetAsync($"/api/instances/{id}");
        using var approverTask = await approver.GetAsync($"/api/tasks/{item}");
        using var forged = await approver.PostAsJsonAsync($"/api/tasks/{item}/decide", new { outcome = "approve", data = new { total = 1 } });
        using var decided = await approver.PostAsJsonAsync($"/api/tasks/{item}/decide", new { outcome = "approve" });
        using var operatorEvent = await operatorClient.PostAsJsonAsync("/api/events/goods.received?key=PO-1", new { qty = 1 });

        Assert.Equal(HttpStatusCode.Created, startResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerInstance.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerTask.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, strangerComment.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, strangerEvent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, requesterInstance.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approverTask.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("'total' is not a field", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal(HttpStatusCode.OK, operatorEvent.StatusCode);
        var done = await server.GetAsync($"/api/instances/{id}");
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        var journal = done["journal"]!.AsArray();
        Assert.Equal("li.na", journal.Single(j => j!["nodeId"]!.GetValue<string>() == "task")!["resumedBy"]!.GetValue<string>());
        Assert.Equal("operator:operator", journal.Single(j => j!["nodeId"]!.GetValue<string>() == "wait")!["resumedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task HostileRequests_AreRefusedClearly_AndTheServerStaysUp()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("flow").Node("start", "Start").Node("end", "End").Chain("start", "end").Build());
        await using var server = await ServerProcess.StartAsync("hostile", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        using var saved = await server.Client.PutAsJsonAsync("/api/connections/crm", new { kind = "webhook", settings = new { auth = "hmac" }, secrets = new Dictionary<string, string> { ["key"] = "s" } });
        saved.EnsureSuccessStatusCode();
        var definition = await server.Client.GetStringAsync("/api/definitions/flow/versions/1/json");
        using (var draft = await server.ClientAs("designer").PutAsync("/api/definitions/flow", new StringContent(definition, System.Text.Encoding.UTF8, "application/json")))
        {
            draft.EnsureSuccessStatusCode();
        }

        using var anonymous = server.ClientAs(null);
        using var requester = server.ClientAs("zhang.wei");
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/hooks/crm/x") { Content = new ChunkedContent(3 * 1024 * 1024) };
        using var bigHook = await anonymous.SendAsync(chunked);
        using var bigEvent = await server.Client.PostAsync("/api/events/x", new ChunkedContent(6 * 1024 * 1024));
        using var culture = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Client.BaseAddress }.GetAsync("/culture?set=en-US&redirect=//evil.example");
        using var draftByRequester = await requester.PostAsJsonAsync("/api/instances", new { definitionId = "flow", version = 2 });
        using var draftByDesigner = await server.ClientAs("designer").PostAsJsonAsync("/api/instances", new { definitionId = "flow", version = 2 });
        using var health = await anonymous.GetAsync("/health");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, bigHook.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, bigEvent.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
        Assert.Equal("/", culture.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, draftByRequester.StatusCode);
        Assert.Contains("only designers", await draftByRequester.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, draftByDesigner.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // API answers say what they cost the server: until authorised, and until the answer began.
        Assert.Matches(@"^auth;dur=[0-9.]+, app;dur=[0-9.]+$", draftByDesigner.Headers.GetValues("Server-Timing").Single());

        // Every answer carries the security headers; a flood of sign-ins from one address is slowed with 429.
        using var signInPage = await anonymous.GetAsync("/account/signin");
        Assert.Contains("frame-ancestors 'none'", signInPage.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", signInPage.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", signInPage.Headers.GetValues("Referrer-Policy").Single());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            using var attempt = await anonymous.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "admin", ["Input.Password"] = "guess" + i }));
            statuses.Add(attempt.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(20));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses.Skip(20));
    }

    /// <summary>A body sent in chunks, with no length to check first.</summary>
    private sealed class ChunkedContent(int size) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (var sent = 0; sent < size; sent += chunk.Length)
            {
                try
                {
                    await stream.WriteAsync(chunk);
                }
                catch (IOException)
                {
                    return; // the server stopped reading at its limit and answered
                }
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
