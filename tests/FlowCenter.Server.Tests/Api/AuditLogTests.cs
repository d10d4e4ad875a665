using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Api;

/// <summary>The audit log against a real server: who did what, from where, never a secret, for administrators only.</summary>
public sealed class AuditLogTests
{
    [Fact]
    public async Task Actions_AreRecordedWithWhoAndWhere_ReadAndExportedByAdministrators_WithoutSecrets()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("flow").Node("start", "Start").Node("end", "End").Chain("start", "end").Build());
        await using var server = await ServerProcess.StartAsync("audit", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        var definition = await server.Client.GetStringAsync("/api/definitions/flow/versions/1/json");
        using var designer = server.ClientAs("designer");
        using var requester = server.ClientAs("zhang.wei");
        using var wrong = new HttpClient { BaseAddress = server.Client.BaseAddress };
        wrong.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("li.na:not-her-password"u8.ToArray()));

        (await designer.PutAsync("/api/definitions/flow", new StringContent(definition, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await requester.PostAsJsonAsync("/api/instances", new { definitionId = "flow" })).EnsureSuccessStatusCode();
        (await requester.PostAsJsonAsync("/api/me/tokens", new { name = "my script", scopes = new[] { "read" } })).EnsureSuccessStatusCode();
        using var refused = await wrong.GetAsync("/api/tasks");
        (await server.Client.PutAsJsonAsync("/api/connections/erp-prod", new { kind = "rest", settings = new { baseUrl = "https://erp.example" }, secrets = new Dictionary<string, string> { ["password"] = "s3cr3t-value" } })).EnsureSuccessStatusCode();

        var log = (await server.GetAsync("/api/audit?take=200"))["items"]!.AsArray().Select(e => e!.AsObject()).ToList();
        using var plain = await requester.GetAsync("/api/audit");
        using var export = await server.Client.GetAsync("/api/audit/export?action=definition.");
        var csv = await export.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains(log, e => Is(e, "designer", "definition.save") && e["target"]!.GetValue<string>() == "definition:flow v2" && e["address"] is not null);
        Assert.Contains(log, e => Is(e, "zhang.wei", "instance.start"));
        Assert.Contains(log, e => Is(e, "zhang.wei", "token.create") && e["detail"]!.GetValue<string>().StartsWith("my script: read", StringComparison.Ordinal));
        Assert.Contains(log, e => Is(e, "li.na", "signin.failure") && e["detail"]!.GetValue<string>().Contains("wrong password", StringComparison.Ordinal));
        Assert.Contains(log, e => Is(e, "admin", "connection.save") && e["detail"]!.GetValue<string>().Contains("secrets changed: password", StringComparison.Ordinal));
        Assert.DoesNotContain("s3cr3t-value", log.Select(e => e.ToJsonString()).Aggregate("", string.Concat), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, plain.StatusCode);
        Assert.StartsWith("id,at,actor,via,action,target,address,detail", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("definition:flow v2", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("instance.start", csv, StringComparison.Ordinal);
    }

    private static bool Is(JsonObject entry, string actor, string action) =>
        entry["actor"]!.GetValue<string>() == actor && entry["action"]!.GetValue<string>() == action;
}
