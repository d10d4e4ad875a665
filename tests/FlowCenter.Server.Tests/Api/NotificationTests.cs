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
}
