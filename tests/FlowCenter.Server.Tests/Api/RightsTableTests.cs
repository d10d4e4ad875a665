using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Api;

/// <summary>
/// The rights table: every endpoint and Studio route the server maps (read from ASP.NET Core's endpoint data
/// source) has an entry saying what each kind of caller gets, and each entry is checked against a real server.
/// An endpoint or page without an entry fails the test, so a new one cannot go out unchecked.
/// </summary>
public sealed class RightsTableTests
{
    // Callers, in this order: anonymous, a plain user with no part in the case, the case's requester, a Designer
    // (no part in the case), an Operator, an Administrator. Each letter says what that caller gets:
    // U = asked to sign in (401, or the sign-in page), F = refused (403, or the "no access" page), N = 404,
    // O = 200, A = let through (anything but 401/403 or a redirect to sign in), R = anything but 401/403 (the account
    // pages' own redirects), X = not a success (the Hangfire dashboard refuses by itself).
    private static readonly string[] CallerNames = ["anonymous", "plain", "participant", "designer", "operator", "administrator"];

    // Studio pages answer GET, and POST for their forms (after the same authorization, then the anti-forgery check).
    private static readonly (string Route, string Expected, string Why)[] Pages =
    [
        ("/", "UOOOOO", "home"),
        ("/processes", "UFFOFO", "process list, designers"),
        ("/designer", "UFFOFO", "designer"),
        ("/designer/{DefinitionId}", "UFFOFO", "designer"),
        ("/tasks", "UOOOOO", "inbox"),
        ("/tasks/{ItemId}", "UOOOOO", "the page loads for anyone signed in; the task's data comes through CaseReader (a stranger sees 'not found')"),
        ("/requests/new", "UOOOOO", "new request"),
        ("/requests/{InstanceId}", "UOOOOO", "as /tasks/{ItemId}"),
        ("/processes/{DefinitionId}/bpmn", "UFFOFO", "a process drawn and checked as BPMN, designers"),
        ("/instances", "UFFFOO", "every case, operators"),
        ("/instances/{InstanceId}", "UFFFOO", "one case with its repairs, operators (its people follow it under /requests)"),
        ("/instances/batches", "UFFFOO", "batch operations, operators"),
        ("/instances/batches/{BatchId}", "UFFFOO", "one batch's progress and results, operators (an unknown one says so)"),
        ("/alerts", "UFFFOO", "alerts and their rules, operators"),
        ("/monitor", "UFFFOO", "the operators' home"),
        ("/me/away", "UOOOOO", "one's own out of office"),
        ("/me/tokens", "UOOOOO", "one's own access tokens"),
        ("/admin/organization", "UFFFFO", "administrators"),
        ("/admin/connections", "UFFFFO", "administrators"),
        ("/admin/audit", "UFFFFO", "the audit log, administrators"),
        ("/account/signin", "OOOOOO", "sign-in page"),
        ("/account/denied", "OOOOOO", "no-access page"),
    ];

    private static readonly (string Method, string Route, string Expected, string Why)[] Table =
    [
        .. Pages.Select(p => ("GET", p.Route, p.Expected, p.Why)),
        .. Pages.Select(p => ("POST", p.Route, p.Expected.Replace('O', 'A'), p.Why + " (form post)")),
        ("GET", "/api/definitions", "UAAAAA", "the list of processes people may start"),
        ("GET", "/api/definitions/{id}/versions/{version:int}/json", "UFFAFA", "definitions are the designers'"),
        ("PUT", "/api/definitions/{id}", "UFFAFA", "saving a draft"),
        ("GET", "/api/definitions/{id}/versions/{version:int}/export", "UFFAFA", "a version as FlowCenter JSON, BPMN or Elsa JSON, designers'"),
        ("POST", "/api/definitions/import", "UFFAFA", "reading a file of another tool (its report first, drafts on the word), designers'"),
        ("POST", "/api/instances", "UAAAAA", "anyone may start a published process (start form rules hold)"),
        ("GET", "/api/instances", "UFFFAA", "the list of every case is for operators"),
        ("GET", "/api/instances/export", "UFFFAA", "the list as CSV, operators"),
        ("GET", "/api/instances/{id}", "UNONOO", "a case: its people and operators; others 404"),
        ("GET", "/api/instances/{id}/journal", "UNONOO", "case data, as the case"),
        ("GET", "/api/instances/{id}/variables", "UNONOO", "case data, as the case"),
        ("PUT", "/api/instances/{id}/variables/{name}", "UFFFAA", "an operator's repair (the test's body has no value: 400)"),
        ("POST", "/api/instances/{id}/bookmarks/{bookmarkId}", "UFFFAA", "raw resume is an operator's repair"),
        ("POST", "/api/events/{name}", "UFFFAA", "events are for systems (webhooks, queues) and operators"),
        ("POST", "/api/instances/{id}/suspend", "UFFFAA", "operator (the administrator finds it suspended already: 400)"),
        ("POST", "/api/instances/{id}/resume", "UFFFAA", "operator (the administrator finds it resumed already: 400)"),
        ("POST", "/api/instances/{id}/modification/preview", "UFFFAA", "an operator's repair (the test's body changes nothing: 400)"),
        ("POST", "/api/instances/{id}/modification", "UFFFAA", "an operator's repair (the test's body changes nothing: 400)"),
        ("POST", "/api/instances/{id}/cancel", "UFFFAA", "operator"),
        ("POST", "/api/instances/{id}/incidents/{incidentId:int}/retry", "UFFFAA", "operator"),
        ("POST", "/api/instances/{id}/incidents/{incidentId:int}/skip", "UFFFAA", "operator"),
        ("POST", "/api/batches/preview", "UFFFAA", "counting a batch, operators (the test's body names no action: 400)"),
        ("POST", "/api/batches", "UFFFAA", "making a batch, operators (the test's body names no action: 400)"),
        ("GET", "/api/batches", "UFFFOO", "batches, operators"),
        ("GET", "/api/batches/{id}", "UFFFNN", "one batch, operators; an unknown id is 404"),
        ("GET", "/api/batches/{id}/items", "UFFFNN", "a batch's results, operators; an unknown id is 404"),
        ("GET", "/api/alerts", "UFFFOO", "alerts, operators"),
        ("POST", "/api/alerts/{id}/acknowledge", "UFFFNN", "acknowledging, operators; an unknown id is 404"),
        ("POST", "/api/alerts/evaluate", "UFFFOO", "checking the rules now, operators"),
        ("GET", "/api/alert-rules", "UFFFOO", "alert rules, operators"),
        ("GET", "/api/monitor", "UFFFOO", "the operators' home as data"),
        ("GET", "/api/monitor/processes/{id}/versions/{version:int}/nodes", "UFFFOO", "where a version's cases stand, per step, operators"),
        ("PUT", "/api/alert-rules/{id}", "UFFFAA", "saving a rule, operators (the test's body has no name: 400)"),
        ("DELETE", "/api/alert-rules/{id}", "UFFFNN", "deleting a rule, operators; an unknown id is 404"),
        ("GET", "/api/endpoints", "UFFFFA", "this table's source, for administrators"),
        ("GET", "/api/tasks/", "UAAAAA", "one's own inbox"),
        ("GET", "/api/tasks/{itemId}", "UNONOO", "a task is case data"),
        ("POST", "/api/tasks/{itemId}/{action}", "UAAAAA", "the task service checks the person for each action"),
        ("GET", "/api/attachments/{id:long}", "UNNNNN", "case data; an unknown id is 404 for everyone"),
        ("GET", "/api/notifications", "UOOOOO", "one's own notifications"),
        ("GET", "/api/notifications/count", "UOOOOO", "one's own unread count"),
        ("POST", "/api/notifications/{id:long}/read", "UAAAAA", "marks one of one's own read; another's id changes nothing"),
        ("POST", "/api/notifications/read", "UAAAAA", "marks all one's own read"),
        ("DELETE", "/api/notifications", "UAAAAA", "clears one's own"),
        ("GET", "/api/me/tokens/", "UOOOOO", "one's own access tokens"),
        ("POST", "/api/me/tokens/", "UAAAAA", "making a token for oneself (the test's body is refused: no name)"),
        ("DELETE", "/api/me/tokens/{id}", "UNNNNN", "revoking one's own token; someone else's is 404"),
        ("GET", "/api/audit/", "UFFFFO", "the audit log, administrators"),
        ("GET", "/api/audit/export", "UFFFFO", "the audit log as CSV, administrators"),
        ("GET", "/api/tokens/", "UFFFFO", "everyone's tokens, administrators"),
        ("DELETE", "/api/tokens/{id}", "UFFFFN", "administrators revoke anyone's"),
        ("POST", "/hooks/{connection}/{eventName}", "AAAAAA", "systems, checked by the connection's signature"),
        ("GET", "/api/connections/", "UFFFFA", "connections are the administrators'"),
        ("PUT", "/api/connections/{name}", "UFFFFA", "administrator"),
        ("DELETE", "/api/connections/{name}", "UFFFFA", "administrator"),
        ("GET", "/culture", "AAAAAA", "choosing the language"),
        ("GET", "/health", "AAAAAA", "health check"),
        ("GET", "/health/ready", "AAAAAA", "readiness: the database answers"),
        ("POST", "/account/signout", "AAAAAA", "needs the form's anti-forgery token (400 without)"),
        ("POST", "/account/external", "RRRRRR", "single sign-on round trip; back to sign-in without a provider"),
        ("GET", "/account/external-done", "RRRRRR", "single sign-on round trip; back to sign-in without a provider"),
        ("GET", "/hangfire/{**path}", "XXXXXA", "the job dashboard, administrators"),
    ];

    [Fact]
    public async Task EveryEndpointAndPage_HasAnEntry_AndEachCallerGetsWhatItSays()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("approve").Input("requester")
            .Node("start", "Start").Node("task", "UserTask", ("title", "Approve"), ("assignee", "li.na")).Node("end", "End")
            .Connect("start", "task").Connect("task", "end", "approve").Build());
        await using var server = await ServerProcess.StartAsync("rights-table", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        HttpClient[] callers = [.. new string?[] { null, "wang.fang", "zhang.wei", "designer", "operator", "admin" }.Select(u => NoRedirects(server, u))];
        using var approver = server.ClientAs("li.na");
        using var started = await callers[2].PostAsJsonAsync("/api/instances", new { definitionId = "approve" });
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var itemId = (await approver.GetFromJsonAsync<JsonObject>("/api/tasks?box=todo"))!["items"]![0]!["itemId"]!.GetValue<string>();
        var values = new Dictionary<string, string>
        {
            ["id"] = instanceId, ["InstanceId"] = instanceId, ["itemId"] = itemId, ["ItemId"] = itemId, ["BatchId"] = "no-such-batch", ["version"] = "1", ["DefinitionId"] = "approve",
            ["bookmarkId"] = "no-such-bookmark", ["name"] = "nothing.here", ["incidentId"] = "999", ["action"] = "nonsense", ["connection"] = "none",
            ["eventName"] = "x", ["path"] = "", ["**path"] = "",
            ["id:long"] = "999999", // a number nobody has: the route matches, the service decides
        };

        var mapped = (await server.GetAsync("/api/endpoints")).AsArray()
            .Select(e => (Method: e!["method"]!.GetValue<string>(), Route: e["route"]!.GetValue<string>()))
            .Where(e => !IsStaticOrFramework(e.Route)).Distinct().ToList();
        var missing = mapped.Where(e => !Table.Any(t => t.Method == e.Method && Same(t.Route, e.Route))).ToList();
        var stale = Table.Where(t => !mapped.Any(e => e.Method == t.Method && Same(t.Route, e.Route))).ToList();
        Assert.True(missing.Count == 0, "Endpoints without an entry in the rights table: " + string.Join(", ", missing.Select(m => $"{m.Method} {m.Route}")));
        Assert.True(stale.Count == 0, "Rights table entries for endpoints that no longer exist: " + string.Join(", ", stale.Select(m => $"{m.Method} {m.Route}")));

        var wrong = new List<string>();
        foreach (var (method, route, expected, _) in Table)
        {
            var path = Fill(route, values);
            for (var c = 0; c < callers.Length; c++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent(route == "/api/instances" ? """{"definitionId":"missing"}""" : "{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await callers[c].SendAsync(request);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? "";
                var ok = expected[c] switch
                {
                    'U' => status == 401 || (status == 302 && location.Contains("/account/signin", StringComparison.Ordinal)),
                    'F' => status == 403 || (status == 302 && location.Contains("/account/denied", StringComparison.Ordinal)),
                    'N' => status == 404,
                    'O' => status == 200,
                    'A' => status is not (401 or 403) && !(status == 302 && location.Contains("/account/", StringComparison.Ordinal)),
                    'R' => status is not (401 or 403),
                    _ => status is < 200 or >= 300,
                };
                if (!ok)
                {
                    wrong.Add($"{method} {path} as {CallerNames[c]}: expected {expected[c]}, got {status} {location}");
                }
            }
        }

        foreach (var caller in callers)
        {
            caller.Dispose();
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>A caller that sees the redirects themselves (to the sign-in or "no access" page), not where they lead.</summary>
    private static HttpClient NoRedirects(ServerProcess server, string? user)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{ServerProcess.DemoPassword}")));
        }

        return client;
    }

    private static bool IsStaticOrFramework(string route) =>
        route.StartsWith("/_", StringComparison.Ordinal) || route.StartsWith('_') || route.Split('/')[^1].Contains('.', StringComparison.Ordinal)
        || route.Contains("{**path:file}", StringComparison.Ordinal) || route.Contains("{*path:nonfile}", StringComparison.Ordinal);

    private static bool Same(string a, string b) => string.Equals(a.TrimStart('/').TrimEnd('/'), b.TrimStart('/').TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static string Fill(string route, Dictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{([^}:]+)(:[^}]*)?\}", m => Uri.EscapeDataString(
            values.TryGetValue(m.Groups[1].Value + m.Groups[2].Value, out var typed) ? typed : values[m.Groups[1].Value])).TrimEnd('/') is { Length: > 0 } path ? path : "/";
}
