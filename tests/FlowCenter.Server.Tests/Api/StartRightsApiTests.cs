using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Api;

/// <summary>
/// Who may start a process holds in the service: the API refuses (403, naming who may) what New request does not
/// offer; departments include their sub-departments; a sub-process only is started by nobody by itself.
/// </summary>
public sealed class StartRightsApiTests
{
    [Fact]
    public async Task OnlyThePeopleNamed_StartAProcess_AndASubProcessOnlyStartsInsideItsParent()
    {
        using var folder = new TempFolder();
        WorkflowDefinition Simple(string id, Action<WorkflowSettings> settings) =>
            new WorkflowBuilder(id).Node("start", "Start").Node("end", "End").Chain("start", "end").Settings(settings).Build();
        folder.AddWorkflow(Simple("finance-only", s => s.StartableBy = new StartRights { Roles = ["Finance"] }));
        folder.AddWorkflow(Simple("headquarters", s => s.StartableBy = new StartRights { Departments = ["hq"] }));
        folder.AddWorkflow(Simple("hr-dept", s => s.StartableBy = new StartRights { Departments = ["hr"], Users = ["li.na"] }));
        folder.AddWorkflow(Simple("child", s => s.SubProcessOnly = true));
        folder.AddWorkflow(new WorkflowBuilder("parent").Node("start", "Start").Node("call", "SubProcess", ("definitionId", "child")).Node("end", "End")
            .Chain("start", "call", "end").Build());
        await using var server = await ServerProcess.StartAsync("start-rights", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });

        async Task<(HttpStatusCode Status, string Body)> StartAsync(string user, string definition)
        {
            using var client = server.ClientAs(user);
            using var response = await client.PostAsJsonAsync("/api/instances", new { definitionId = definition });
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.Created, (await StartAsync("wang.fang", "finance-only")).Status);
        var refused = await StartAsync("zhang.wei", "finance-only");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("may be started only by: role Finance", refused.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await StartAsync("admin", "finance-only")).Status);

        // zhang.wei is in purchasing, under headquarters.
        Assert.Equal(HttpStatusCode.Created, (await StartAsync("zhang.wei", "headquarters")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await StartAsync("zhang.wei", "hr-dept")).Status);
        Assert.Equal(HttpStatusCode.Created, (await StartAsync("zhao.lei", "hr-dept")).Status);
        Assert.Equal(HttpStatusCode.Created, (await StartAsync("li.na", "hr-dept")).Status);

        var child = await StartAsync("admin", "child");
        Assert.Equal(HttpStatusCode.Forbidden, child.Status);
        Assert.Contains("runs only as a step of another process", child.Body, StringComparison.Ordinal);
        var parent = await StartAsync("zhang.wei", "parent");
        Assert.Equal(HttpStatusCode.Created, parent.Status);
        var parentId = JsonNode.Parse(parent.Body)!["id"]!.GetValue<string>();
        using var operatorClient = server.ClientAs("operator");
        await Eventually.ThatAsync(async () => (await operatorClient.GetFromJsonAsync<JsonObject>($"/api/instances/{parentId}"))!,
            i => i["status"]!.GetValue<string>() == "completed", "the parent (and its sub-process) completed", context: () => server.LogTail);

        // What New request offers each person: the same rule.
        async Task<List<string>> OfferedAsync(string user)
        {
            using var client = server.ClientAs(user);
            return [.. (await client.GetFromJsonAsync<JsonArray>("/api/definitions?startable=true"))!.Select(d => d!["definitionId"]!.GetValue<string>()).Order()];
        }

        Assert.Equal(["headquarters", "parent"], await OfferedAsync("zhang.wei"));
        Assert.Equal(["finance-only", "headquarters", "parent"], await OfferedAsync("wang.fang"));
        Assert.Equal(["finance-only", "headquarters", "hr-dept", "parent"], await OfferedAsync("admin"));
    }
}
