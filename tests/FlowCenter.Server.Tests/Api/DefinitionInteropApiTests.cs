using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Api;

/// <summary>Import and export over REST, as IT scripts them: the report first, drafts on the word, files in each format.</summary>
public sealed class DefinitionInteropApiTests
{
    private static StringContent Elsa(string fixture) =>
        new(File.ReadAllText(TempFolder.RepositoryFile("tests", "FlowCenter.Engine.Tests", "Fixtures", "elsa", fixture)), Encoding.UTF8, "application/json");

    [Fact]
    public async Task ElsaFile_DryRunReports_ThenImportsAsPublished_Runs_AndExportsInEveryFormat()
    {
        using var folder = new TempFolder();
        folder.AddShippedWorkflow("leave-request");
        await using var server = await ServerProcess.StartAsync("interop-api", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        using var designer = server.ClientAs("designer");
        const string id = "68e6bca3d86c4a5a8dfb825f1d5c0875";

        // A dry run: the report of every element, nothing saved.
        using var dry = await designer.PostAsync("/api/definitions/import?dryRun=true", Elsa("loop-setvariable-javascript-decision-legacy.json"));
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var report = (await dry.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("elsa", report["format"]!.GetValue<string>());
        var item = report["definitions"]![0]!;
        Assert.Equal(id, item["id"]!.GetValue<string>());
        Assert.Null(item["savedVersion"]);
        Assert.Equal(2, item["changed"]!.GetValue<int>());
        Assert.Contains(item["notes"]!.AsArray(), n => n!["element"]!.GetValue<string>() == "SetVariable1" && n["status"]!.GetValue<string>() == "changed");
        Assert.DoesNotContain(item["problems"]!.AsArray(), p => p!["severity"]!.GetValue<string>() == "error");
        Assert.DoesNotContain((await server.GetAsync("/api/definitions")).AsArray(), d => d!["definitionId"]!.GetValue<string>() == id);

        // A file with elements FlowCenter cannot take is still a report (200), not a refusal.
        using var partial = await designer.PostAsync("/api/definitions/import?dryRun=true", Elsa("http-endpoint-write-response.json"));
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Equal(1, (await partial.Content.ReadFromJsonAsync<JsonObject>())!["definitions"]![0]!["notImported"]!.GetValue<int>());

        // On the word: saved and published; it runs as Elsa runs it.
        using var saved = await designer.PostAsync("/api/definitions/import?publish=true", Elsa("loop-setvariable-javascript-decision-legacy.json"));
        var stored = (await saved.Content.ReadFromJsonAsync<JsonObject>())!["definitions"]![0]!;
        Assert.Equal(1, stored["savedVersion"]!.GetValue<int>());
        Assert.Equal("Published", stored["status"]!.GetValue<string>());
        using var started = await designer.PostAsJsonAsync("/api/instances", new { definitionId = id });
        var instanceId = (await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var variables = await Eventually.ThatAsync(() => server.GetAsync($"/api/instances/{instanceId}/variables"), v => v["Counter"]?.ToJsonString() == "2", "the loop's counter at 2");
        Assert.Equal(4, variables["log"]!.AsArray().Count);

        // Exports: FlowCenter's JSON as stored, Elsa's JSON that reads back to the same process.
        var json = await designer.GetStringAsync("/api/definitions/leave-request/versions/1/export?format=json");
        Assert.Equal(await designer.GetStringAsync("/api/definitions/leave-request/versions/1/json"), json);
        using var elsa = await designer.GetAsync("/api/definitions/leave-request/versions/1/export?format=elsa");
        Assert.Equal("leave-request.v1.elsa.json", elsa.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var elsaJson = JsonNode.Parse(await elsa.Content.ReadAsStringAsync())!;
        Assert.Equal("Elsa.Flowchart", elsaJson["root"]!["type"]!.GetValue<string>());
        using var back = await designer.PostAsync("/api/definitions/import?dryRun=true", new StringContent(elsaJson.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal("leave-request", (await back.Content.ReadFromJsonAsync<JsonObject>())!["definitions"]![0]!["id"]!.GetValue<string>());
        using var missing = await designer.GetAsync("/api/definitions/leave-request/versions/9/export?format=elsa");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // Lanes name roles or positions; the organisation tells which.
        const string lanes = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="laned" isExecutable="true">
              <laneSet id="ls"><lane id="l1" name="Finance manager"><flowNodeRef>pay</flowNodeRef></lane><lane id="l2" name="finance"><flowNodeRef>book</flowNodeRef></lane></laneSet>
              <startEvent id="s"/><userTask id="pay" name="Pay"/><userTask id="book" name="Book"/><endEvent id="e"/>
              <sequenceFlow id="f1" sourceRef="s" targetRef="pay"/><sequenceFlow id="f2" sourceRef="pay" targetRef="book"/><sequenceFlow id="f3" sourceRef="book" targetRef="e"/>
            </process></definitions>
            """;
        using var laned = await designer.PostAsync("/api/definitions/import", new StringContent(lanes, Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.OK, laned.StatusCode);
        var nodes = JsonNode.Parse(await designer.GetStringAsync("/api/definitions/laned/versions/1/json"))!["nodes"]!.AsArray();
        var pay = nodes.Single(n => n!["id"]!.GetValue<string>() == "pay")!["inputs"]!;
        Assert.Equal("position", pay["assignTo"]!["literal"]!.GetValue<string>());
        Assert.Equal("finance-manager", pay["assignee"]!["literal"]![0]!.GetValue<string>());
        var book = nodes.Single(n => n!["id"]!.GetValue<string>() == "book")!["inputs"]!;
        Assert.Equal("role", book["assignTo"]!["literal"]!.GetValue<string>());
        Assert.Equal("Finance", book["assignee"]!["literal"]![0]!.GetValue<string>());

        // A requester may not import.
        using var refused = await server.ClientAs("zhang.wei").PostAsync("/api/definitions/import", Elsa("loop-setvariable-javascript-decision-legacy.json"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    /// <summary>The OMG's invoice handling (BPMN MIWG C.1.1) imported and worked through the inbox by the people it names.</summary>
    [Fact]
    public async Task InvoiceHandlingBpmn_ImportedAndPublished_IsWorkedThroughTheInbox_ToTheEnd()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync("interop-invoice", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        // The file names a "demo" user and an "accounting" group; the company's own people stand for them.
        var file = File.ReadAllText(TempFolder.RepositoryFile("tests", "FlowCenter.Engine.Tests", "Fixtures", "bpmn", "01-invoice-handling_miwg-C.1.1.bpmn"))
            .Replace("camunda:assignee=\"demo\"", "camunda:assignee=\"zhao.lei\"", StringComparison.Ordinal)
            .Replace("camunda:candidateGroups=\"accounting\"", "camunda:candidateGroups=\"Finance\"", StringComparison.Ordinal);
        using var designer = server.ClientAs("designer");
        using var imported = await designer.PostAsync("/api/definitions/import?publish=true", new StringContent(file, Encoding.UTF8, "application/xml"));
        var report = (await imported.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("bpmn", report["format"]!.GetValue<string>());
        var definition = report["definitions"]![0]!;
        Assert.True(definition["status"]!.GetValue<string>() == "Published", definition.ToJsonString());
        Assert.Contains(definition["notes"]!.AsArray(), n => n!["element"]!.GetValue<string>() == "archiveInvoice" && n["status"]!.GetValue<string>() == "changed");

        using var requester = server.ClientAs("zhang.wei");
        using var started = await requester.PostAsJsonAsync("/api/instances", new { definitionId = "handle-invoice", businessKey = "INV-7" });
        var instanceId = (await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        async Task DecideAsync(string user, string title, object data, string box = "todo")
        {
            using var person = server.ClientAs(user);
            var task = await Eventually.ThatAsync(
                async () => (await person.GetFromJsonAsync<JsonObject>($"/api/tasks?box={box}"))!["items"]!.AsArray().FirstOrDefault(t => t!.ToJsonString().Contains(title, StringComparison.Ordinal)),
                t => t is not null, $"{user}'s task '{title}'");
            var item = task!["itemId"]!.GetValue<string>();
            if (box == "pool")
            {
                using var claimed = await person.PostAsJsonAsync($"/api/tasks/{item}/claim", new { });
                Assert.True(claimed.IsSuccessStatusCode, await claimed.Content.ReadAsStringAsync());
            }

            using var decided = await person.PostAsJsonAsync($"/api/tasks/{item}/decide", new { outcome = "done", data });
            Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
        }

        await DecideAsync("zhao.lei", "Assign Approver", new { approver = "li.na" });
        await DecideAsync("li.na", "Approve Invoice", new { approved = false });
        await DecideAsync("zhao.lei", "Rechnung kl", new { clarified = "yes" });
        await DecideAsync("li.na", "Approve Invoice", new { approved = true });
        await DecideAsync("wang.fang", "Prepare Bank Transfer", new { }, box: "pool");
        var done = await Eventually.ThatAsync(() => server.GetAsync($"/api/instances/{instanceId}"), i => i["status"]!.GetValue<string>() == "completed", "the invoice case completed");
        var variables = await server.GetAsync($"/api/instances/{instanceId}/variables");
        Assert.Equal("Archive Invoice", variables["log"]![0]!.GetValue<string>());
        Assert.True(variables["approved"]!.GetValue<bool>());
        Assert.Equal("INV-7", done["businessKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task OrderWithEventsBpmn_ACancellationEndsTheApproval_APaymentTheRace_OverHttp()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync("interop-events", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        var file = File.ReadAllText(TempFolder.RepositoryFile("tests", "FlowCenter.Engine.Tests", "Fixtures", "bpmn", "order-events.bpmn"));
        using var designer = server.ClientAs("designer");
        using var imported = await designer.PostAsync("/api/definitions/import?publish=true", new StringContent(file, Encoding.UTF8, "application/xml"));
        var definition = (await imported.Content.ReadFromJsonAsync<JsonObject>())!["definitions"]![0]!;
        Assert.True(definition["status"]!.GetValue<string>() == "Published", definition.ToJsonString());

        using var requester = server.ClientAs("zhang.wei");
        async Task<string> StartAsync(string order)
        {
            using var started = await requester.PostAsJsonAsync("/api/instances", new { definitionId = "order-events", businessKey = order, input = new { orderId = order } });
            return (await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        }

        async Task<JsonObject> SendAsync(string name, string key)
        {
            using var sent = await server.ClientAs("operator").PostAsJsonAsync($"/api/events/{name}?key={key}", new { by = "ERP" });
            return (await sent.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!;
        }

        var paid = await StartAsync("SO-1");
        var cancelled = await StartAsync("SO-2");
        await Eventually.ThatAsync(async () => (await requester.GetFromJsonAsync<JsonObject>("/api/tasks?box=todo"))!["items"]!.AsArray().Count, n => n == 2, "both approvals in zhang.wei's inbox");

        // SO-2 is cancelled while it waits for approval: the task goes, the case ends as withdrawn.
        Assert.Equal(1, (await SendAsync("order.cancelled", "SO-2"))["resumed"]!.GetValue<int>());
        var withdrawn = await Eventually.ThatAsync(() => server.GetAsync($"/api/instances/{cancelled}"), i => i["status"]!.GetValue<string>() == "completed", "the cancelled case ended");
        var task = Assert.Single((await requester.GetFromJsonAsync<JsonObject>("/api/tasks?box=todo"))!["items"]!.AsArray());
        Assert.Contains("withdrawn", (await server.GetAsync($"/api/instances/{cancelled}/journal")).ToJsonString(), StringComparison.Ordinal);

        // The customer of SO-1 asks a question: li.na answers it beside the approval, which goes on waiting.
        Assert.Equal(1, (await SendAsync("customer.asked", "SO-1"))["resumed"]!.GetValue<int>());
        using var answerer = server.ClientAs("li.na");
        var question = await Eventually.ThatAsync(async () => (await answerer.GetFromJsonAsync<JsonObject>("/api/tasks?box=todo"))!["items"]!.AsArray().FirstOrDefault(t => t!.ToJsonString().Contains("Answer the customer", StringComparison.Ordinal)), t => t is not null, "li.na's question to answer");
        using var answered = await answerer.PostAsJsonAsync($"/api/tasks/{question!["itemId"]!.GetValue<string>()}/decide", new { outcome = "done" });
        Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync());
        Assert.Equal("waiting", (await server.GetAsync($"/api/instances/{paid}"))["status"]!.GetValue<string>());

        // SO-1 is approved: sales are told (the event is published once the decision is saved), then the payment comes before the hour.
        using var decided = await requester.PostAsJsonAsync($"/api/tasks/{task!["itemId"]!.GetValue<string>()}/decide", new { outcome = "done" });
        Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
        await Eventually.ThatAsync(() => server.GetAsync($"/api/instances/{paid}/journal"), j => j.ToJsonString().Contains("\"paid\"", StringComparison.Ordinal), "SO-1 waits for its payment");
        Assert.Equal(0, (await SendAsync("order.cancelled", "SO-1"))["resumed"]!.GetValue<int>()); // the approval is over: nobody listens for it now
        Assert.Equal(1, (await SendAsync("payment.received", "SO-1"))["resumed"]!.GetValue<int>());
        await Eventually.ThatAsync(() => server.GetAsync($"/api/instances/{paid}"), i => i["status"]!.GetValue<string>() == "completed", "the paid case ended");
        var journal = (await server.GetAsync($"/api/instances/{paid}/journal")).ToJsonString();
        Assert.Contains("\"tell\"", journal, StringComparison.Ordinal);
        Assert.Contains("\"done\"", journal, StringComparison.Ordinal);
        Assert.DoesNotContain("\"late\"", journal, StringComparison.Ordinal);
        Assert.Equal("SO-2", withdrawn["businessKey"]!.GetValue<string>());
    }
}
