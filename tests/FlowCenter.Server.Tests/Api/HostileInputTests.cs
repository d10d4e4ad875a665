using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Api;

/// <summary>
/// A corpus of hostile inputs over every HTTP surface of a real server: each must be refused with a clear error
/// naming what is wrong, write nothing, and leave the server up.
/// </summary>
public sealed class HostileInputTests
{
    private static string Deep(int levels) => string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" + string.Concat(Enumerable.Repeat("}", levels));

    [Fact]
    public async Task EachHostileInput_IsRefusedClearly_NothingIsWritten_TheServerStaysUp()
    {
        using var folder = new TempFolder();
        var form = JsonNode.Parse("""{ "fields": [ { "name": "amount", "label": "Amount", "type": "number", "required": true, "max": 1000 } ] }""");
        folder.AddWorkflow(new WorkflowBuilder("request").Input("requester").Input("amount", FlowCenter.Engine.Definitions.DataType.Number)
            .Variable("count", FlowCenter.Engine.Definitions.DataType.Number, 1)
            .Node("start", "Start", ("form", form)).Node("task", "UserTask", ("title", "Approve"), ("assignee", "li.na"), ("form", form)).Node("end", "End")
            .Connect("start", "task").Connect("task", "end", "approve").Connect("task", "end", "reject").Build());
        await using var server = await ServerProcess.StartAsync("hostile-corpus", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
            // As ./run.sh runs it: in Development, minimal APIs throw on a request they cannot bind.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        });
        (await server.Client.PutAsJsonAsync("/api/connections/crm", new { kind = "webhook", settings = new { auth = "hmac" }, secrets = new Dictionary<string, string> { ["key"] = "k" } })).EnsureSuccessStatusCode();
        using var requester = server.ClientAs("zhang.wei");
        using var approver = server.ClientAs("li.na");
        using var designer = server.ClientAs("designer");
        using var anonymous = server.ClientAs(null);
        using var startedCase = await requester.PostAsJsonAsync("/api/instances", new { definitionId = "request", input = new { amount = 10 } });
        var caseId = (await startedCase.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var item = (await approver.GetFromJsonAsync<JsonObject>("/api/tasks?box=todo"))!["items"]![0]!["itemId"]!.GetValue<string>();
        var definition = await server.Client.GetStringAsync("/api/definitions/request/versions/1/json");
        var before = await CountsAsync(server);

        static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
        HttpRequestMessage Hook(string body, string? delivery = "d-1", string? signature = null)
        {
            var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/crm/order.confirmed") { Content = Json(body) };
            request.Headers.Add("X-Timestamp", stamp);
            request.Headers.Add("X-Signature", signature ?? "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("k"u8.ToArray(), Encoding.UTF8.GetBytes($"{stamp}.{delivery}.{body}"))));
            if (delivery is not null)
            {
                request.Headers.Add("X-Delivery-Id", delivery);
            }

            return request;
        }

        var cases = new (string Name, HttpClient Client, Func<HttpRequestMessage> Request, string Expect)[]
        {
            ("definition: malformed JSON", designer, () => new(HttpMethod.Put, "/api/definitions/request") { Content = Json("{\"id\": ") }, "not"),
            ("definition: nested 5,000 deep", designer, () => new(HttpMethod.Put, "/api/definitions/request") { Content = Json("{\"id\":\"request\",\"nodes\":" + new string('[', 5_000) + new string(']', 5_000) + "}") }, "not a valid FlowCenter definition"),
            ("definition: unknown property", designer, () => new(HttpMethod.Put, "/api/definitions/request") { Content = Json(Deep(3)) }, "could not be mapped"),
            ("definition: id of another", designer, () => new(HttpMethod.Put, "/api/definitions/request") { Content = Json(definition.Replace("\"id\": \"request\"", "\"id\": \"other\"", StringComparison.Ordinal)) }, "is not 'request'"),
            // Sent as a well-behaved client sends a large body (Expect: 100-continue), so it hears the refusal before sending it all.
            ("definition: 5 MiB", designer, () => new(HttpMethod.Put, "/api/definitions/request") { Content = Json(new string(' ', 5 * 1024 * 1024)), Headers = { ExpectContinue = true } }, "larger than"),
            ("import: malformed Elsa JSON", designer, () => new(HttpMethod.Post, "/api/definitions/import?dryRun=true") { Content = Json("{\"definitionId\": \"x\", \"root\": {\"type\": \"Elsa.Flowchart\", ") }, "not valid JSON at line 1"),
            ("import: nested 5,000 deep", designer, () => new(HttpMethod.Post, "/api/definitions/import") { Content = Json(Deep(5_000)) }, "not a valid FlowCenter definition"),
            ("import: Elsa file without a root", designer, () => new(HttpMethod.Post, "/api/definitions/import") { Content = Json("{\"definitionId\":\"x\",\"$type\":\"y\"}") }, "no 'root' activity"),
            ("import: FlowCenter file without an id", designer, () => new(HttpMethod.Post, "/api/definitions/import") { Content = Json("{}") }, "has no 'id'"),
            ("import: XML that is not BPMN", designer, () => new(HttpMethod.Post, "/api/definitions/import") { Content = new StringContent("<html><body/></html>", Encoding.UTF8, "application/xml") }, "not BPMN 2.0"),
            ("import: unknown format", designer, () => new(HttpMethod.Post, "/api/definitions/import?format=visio") { Content = Json("{}") }, "Unknown format 'visio'"),
            ("import: 9 MiB", designer, () => new(HttpMethod.Post, "/api/definitions/import") { Content = Json(new string(' ', 9 * 1024 * 1024)), Headers = { ExpectContinue = true } }, "larger than"),
            ("import: a process the file does not have", designer, () => new(HttpMethod.Post, "/api/definitions/import?process=nope") { Content = Json("{\"definitionId\":\"x\",\"root\":{\"type\":\"Elsa.Flowchart\",\"activities\":[]}}") }, "has no process 'nope'"),
            ("export: unknown format", designer, () => new(HttpMethod.Get, "/api/definitions/request/versions/1/export?format=visio"), "Unknown format 'visio'"),
            ("start: field not in the form", requester, () => new(HttpMethod.Post, "/api/instances") { Content = Json("""{"definitionId":"request","input":{"amount":5,"total":1}}""") }, "'total' is not a field"),
            ("start: text for a number", requester, () => new(HttpMethod.Post, "/api/instances") { Content = Json("""{"definitionId":"request","input":{"amount":"lots"}}""") }, "must be a number"),
            ("start: over the maximum", requester, () => new(HttpMethod.Post, "/api/instances") { Content = Json("""{"definitionId":"request","input":{"amount":1000000}}""") }, "at most 1000"),
            ("start: required missing", requester, () => new(HttpMethod.Post, "/api/instances") { Content = Json("""{"definitionId":"request","input":{}}""") }, "is required"),
            ("start: unknown process", requester, () => new(HttpMethod.Post, "/api/instances") { Content = Json("""{"definitionId":"nope"}""") }, "nope"),
            ("start: malformed JSON", requester, () => new(HttpMethod.Post, "/api/instances") { Content = Json("{\"definitionId\": [") }, ""),
            ("decision: field not in the form", approver, () => new(HttpMethod.Post, $"/api/tasks/{item}/decide") { Content = Json("""{"outcome":"approve","data":{"total":1}}""") }, "'total' is not a field"),
            ("decision: object for a number", approver, () => new(HttpMethod.Post, $"/api/tasks/{item}/decide") { Content = Json("""{"outcome":"approve","data":{"amount":{"x":1}}}""") }, "must be a number"),
            ("decision: unknown outcome", approver, () => new(HttpMethod.Post, $"/api/tasks/{item}/decide") { Content = Json("""{"outcome":"maybe"}""") }, "'maybe' is not one of"),
            ("decision: unknown action", approver, () => new(HttpMethod.Post, $"/api/tasks/{item}/teleport") { Content = Json("{}") }, "Unknown action"),
            ("decision: by someone else", requester, () => new(HttpMethod.Post, $"/api/tasks/{item}/decide") { Content = Json("""{"outcome":"approve"}""") }, "assigned to"),
            ("copy: 500 unknown people", approver, () => new(HttpMethod.Post, $"/api/tasks/{item}/carbonCopy") { Content = Json("{\"target\":\"" + string.Join(",", Enumerable.Range(0, 500).Select(i => "ghost" + i)) + "\"}") }, "at most 20"),
            ("event: malformed JSON", server.ClientAs("operator"), () => new(HttpMethod.Post, "/api/events/x?key=1") { Content = Json("{\"a\": ") }, "not valid JSON"),
            ("event: nested 5,000 deep", server.ClientAs("operator"), () => new(HttpMethod.Post, "/api/events/x?key=1") { Content = Json(Deep(5_000)) }, "depth"),
            ("webhook: malformed JSON", anonymous, () => Hook("{\"a\": "), "not valid JSON"),
            ("webhook: nested 5,000 deep", anonymous, () => Hook(Deep(5_000)), "depth"),
            ("webhook: forged signature", anonymous, () => Hook("{}", signature: "sha256=00"), "signature does not match"),
            ("webhook: no delivery id", anonymous, () => Hook("{}", delivery: null), "delivery id"),
            ("webhook: unknown connection", anonymous, () => new(HttpMethod.Post, "/hooks/none/x") { Content = Json("{}") }, "no webhook connection"),
            ("token: unknown scope", requester, () => new(HttpMethod.Post, "/api/me/tokens") { Content = Json("""{"name":"x","scopes":["root"]}""") }, "'root' is not one"),
            ("token: ten-year life", requester, () => new(HttpMethod.Post, "/api/me/tokens") { Content = Json("""{"name":"x","scopes":["read"],"days":3650}""") }, "up to"),
            ("token: no name", requester, () => new(HttpMethod.Post, "/api/me/tokens") { Content = Json("""{"scopes":["read"]}""") }, "name"),
            ("connection: unknown kind", server.Client, () => new(HttpMethod.Put, "/api/connections/x") { Content = Json("""{"kind":"telepathy"}""") }, ""),
            ("culture: unknown language", anonymous, () => new(HttpMethod.Get, "/culture?set=xx-XX"), "Unknown language"),
            ("culture: no language", anonymous, () => new(HttpMethod.Get, "/culture"), "set"),
            ("instances: a condition without an operator", server.Client, () => new(HttpMethod.Get, "/api/instances?var=amount%20about%205"), "no operator after 'amount'"),
            ("instances: misspelt filter", server.Client, () => new(HttpMethod.Get, "/api/instances/export?staus=running"), "Unknown parameter 'staus'"),
            ("variable: wrong type", server.Client, () => new(HttpMethod.Put, $"/api/instances/{caseId}/variables/count") { Content = Json("""{"value":"many","reason":"x"}""") }, "count"),
            ("variable: undeclared", server.Client, () => new(HttpMethod.Put, $"/api/instances/{caseId}/variables/nothing") { Content = Json("""{"value":1,"reason":"x"}""") }, "no variable 'nothing'"),
            ("variable: no reason", server.Client, () => new(HttpMethod.Put, $"/api/instances/{caseId}/variables/count") { Content = Json("""{"value":5}""") }, "reason"),
            ("variable: no value", server.Client, () => new(HttpMethod.Put, $"/api/instances/{caseId}/variables/count") { Content = Json("""{"reason":"x"}""") }, "no 'value'"),
            ("batch: unknown action", server.Client, () => new(HttpMethod.Post, "/api/batches") { Content = Json("""{"action":"explode","filter":""}""") }, "'action' must be one of"),
            ("batch: misspelt filter", server.Client, () => new(HttpMethod.Post, "/api/batches/preview") { Content = Json("""{"action":"cancel","filter":"?staus=running"}""") }, "Unknown parameter 'staus'"),
            ("batch: 5,000 ids", server.Client, () => new(HttpMethod.Post, "/api/batches") { Content = Json("{\"action\":\"cancel\",\"instanceIds\":[" + string.Join(",", Enumerable.Range(0, 5_000).Select(i => $"\"x{i}\"")) + "]}") }, "at most 1000"),
            ("batch: nested 5,000 deep", server.Client, () => new(HttpMethod.Post, "/api/batches") { Content = Json(Deep(5_000)) }, "depth"),
            ("modification: unknown step", server.Client, () => new(HttpMethod.Post, $"/api/instances/{caseId}/modification/preview") { Content = Json("""{"placeAt":["nowhere"]}""") }, "no step 'nowhere'"),
            ("modification: text for a path", server.Client, () => new(HttpMethod.Post, $"/api/instances/{caseId}/modification") { Content = Json("""{"move":[{"path":"first","to":"x"}]}""") }, "'move.path' must be a path's number"),
            ("alert rule: unknown kind", server.Client, () => new(HttpMethod.Put, "/api/alert-rules/r1") { Content = Json("""{"name":"x","kind":"telepathy"}""") }, ""),
            ("alert rule: no window", server.Client, () => new(HttpMethod.Put, "/api/alert-rules/r1") { Content = Json("""{"name":"x","kind":"noStart"}""") }, "needs a target or window"),
            ("alerts: unknown state", server.Client, () => new(HttpMethod.Get, "/api/alerts?state=angry"), "Unknown state 'angry'"),
        };

        var wrong = new List<string>();
        foreach (var (name, client, request, expect) in cases)
        {
            using var message = request();
            using var response = await client.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode is < 400 or >= 500 || !body.Contains(expect, StringComparison.OrdinalIgnoreCase))
            {
                wrong.Add($"{name}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {cases.Length} hostile inputs were not refused clearly:\n" + string.Join("\n", wrong));
        Assert.Equal(before, await CountsAsync(server));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
    }

    /// <summary>What the inputs could have written: definition versions, instances, copies, tokens.</summary>
    private static async Task<string> CountsAsync(ServerProcess server)
    {
        var versions = (await server.GetAsync("/api/definitions")).AsArray().Sum(d => d!["version"]!.GetValue<int>());
        var instances = (await server.GetAsync("/api/instances"))["total"]!.GetValue<int>();
        var tokens = (await server.GetAsync("/api/tokens")).AsArray().Count;
        var copies = (await server.ClientAs("li.na").GetStringAsync("/api/tasks?box=todo")).Length;
        return $"versions {versions}, instances {instances}, tokens {tokens}, inbox {copies}";
    }
}
