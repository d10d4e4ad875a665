using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Api;

/// <summary>A new task reaches its approver in the app, by e-mail (a real SMTP conversation) and through a chat robot's webhook.</summary>
public sealed class NotificationTests
{
    [Fact]
    public async Task NewTask_NotifiesTheApproverInAppByMailAndByWebhook()
    {
        using var folder = new TempFolder();
        folder.AddShippedWorkflow("leave-request");
        await using var smtp = new SmtpListener();
        using var robot = new WebhookListener();
        await using var server = await ServerProcess.StartAsync("notify", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
            ["FlowCenter:Notifications:StudioUrl"] = "http://flowcenter.example",
            ["FlowCenter:Notifications:Smtp:Host"] = "127.0.0.1",
            ["FlowCenter:Notifications:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FlowCenter:Notifications:Smtp:Security"] = "None",
            ["FlowCenter:Notifications:Webhooks:0:Url"] = robot.Url,
            ["FlowCenter:Notifications:Webhooks:0:Style"] = "wecom",
        });
        using var requester = server.ClientAs("zhang.wei");
        using var manager = server.ClientAs("li.na");

        using var started = await requester.PostAsJsonAsync("/api/instances", new { definitionId = "leave-request", input = new { requester = "zhang.wei", days = 1, from = "2026-12-01" } });
        started.EnsureSuccessStatusCode();

        var inbox = (await manager.GetFromJsonAsync<JsonArray>("/api/notifications"))!;
        var item = inbox.Single()!;
        Assert.Equal("assigned", item["kind"]!.GetValue<string>(), ignoreCase: true);
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(["li.na@example.com"], mail.To);
        Assert.Contains($"http://flowcenter.example/tasks/{item["itemId"]}", mail.Data, StringComparison.Ordinal);
        var message = Assert.Single(robot.Bodies);
        Assert.Equal("text", message["msgtype"]!.GetValue<string>());
        Assert.Contains("@li.na", message["text"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await requester.GetFromJsonAsync<JsonArray>("/api/notifications"))!);
    }

    [Fact]
    public Task Bell_CountsWhatAsksForSomething_MarksReadAndClears_Sqlite() => BellAsync(null);

    [PostgresFact]
    public async Task Bell_CountsWhatAsksForSomething_MarksReadAndClears_Postgres()
    {
        await using var database = await PostgresDatabase.CreateAsync(Environment.GetEnvironmentVariable("FLOWCENTER_TEST_POSTGRES")!, "fc_bell_");
        await BellAsync(database.ServerSettings());
    }

    /// <summary>
    /// The bell's count leaves out what was read and what was handled (the task decided, from any page or device);
    /// marking read and clearing touch only one's own notifications.
    /// </summary>
    private static async Task BellAsync(Dictionary<string, string>? database)
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("approve").Input("requester")
            .Node("start", "Start").Node("task", "UserTask", ("title", "Approve"), ("assignee", "li.na")).Node("end", "End")
            .Connect("start", "task").Connect("task", "end", "approve").Build());
        var settings = database ?? new Dictionary<string, string> { ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}" };
        settings["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows;
        await using var server = await ServerProcess.StartAsync("bell-api", settings);
        using var requester = server.ClientAs("zhang.wei");
        using var approver = server.ClientAs("li.na");
        for (var i = 0; i < 2; i++)
        {
            using var started = await requester.PostAsJsonAsync("/api/instances", new { definitionId = "approve" });
            started.EnsureSuccessStatusCode();
        }

        async Task<int> CountAsync(HttpClient client) => (await client.GetFromJsonAsync<JsonObject>("/api/notifications/count"))!["unread"]!.GetValue<int>();
        var mine = await Eventually.ThatAsync(async () => (await approver.GetFromJsonAsync<JsonArray>("/api/notifications"))!, n => n.Count == 2, "li.na's two to-do notifications");
        Assert.Equal(2, await CountAsync(approver));
        Assert.All(mine, n => Assert.False(n!["settled"]!.GetValue<bool>()));
        var first = mine[1]!;
        var second = mine[0]!;

        // Another person cannot mark li.na's notification read.
        using (var foreign = await requester.PostAsync($"/api/notifications/{first["id"]}/read", null))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, foreign.StatusCode);
        }

        Assert.Equal(2, await CountAsync(approver));
        using (var read = await approver.PostAsync($"/api/notifications/{first["id"]}/read", null))
        {
            read.EnsureSuccessStatusCode();
        }

        Assert.Equal(1, await CountAsync(approver));

        // Deciding the other task settles its notification: not counted, listed as handled, still unread.
        using (var decided = await approver.PostAsJsonAsync($"/api/tasks/{second["itemId"]}/decide", new { outcome = "approve" }))
        {
            decided.EnsureSuccessStatusCode();
        }

        Assert.Equal(0, await CountAsync(approver));
        var after = (await approver.GetFromJsonAsync<JsonArray>("/api/notifications"))!;
        var settled = after.Single(n => n!["id"]!.GetValue<long>() == second["id"]!.GetValue<long>())!;
        Assert.True(settled["settled"]!.GetValue<bool>());
        Assert.Null(settled["readAt"]);
        Assert.False(after.Single(n => n!["id"]!.GetValue<long>() == first["id"]!.GetValue<long>())!["settled"]!.GetValue<bool>());

        // The requester was told of the decision; li.na clearing hers leaves his alone.
        await Eventually.ThatAsync(() => CountAsync(requester), c => c == 1, "the requester's 'decided' notification");
        using (var cleared = await approver.DeleteAsync("/api/notifications"))
        {
            cleared.EnsureSuccessStatusCode();
        }

        Assert.Empty((await approver.GetFromJsonAsync<JsonArray>("/api/notifications"))!);
        Assert.Single((await approver.GetFromJsonAsync<JsonObject>("/api/tasks?box=todo"))!["items"]!.AsArray());
        Assert.Equal(1, await CountAsync(requester));
        using (var all = await requester.PostAsync("/api/notifications/read", null))
        {
            all.EnsureSuccessStatusCode();
        }

        Assert.Equal(0, await CountAsync(requester));
        Assert.Single((await requester.GetFromJsonAsync<JsonArray>("/api/notifications"))!);
    }
}
