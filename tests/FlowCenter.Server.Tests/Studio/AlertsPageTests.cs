using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;
using Microsoft.Playwright;

namespace FlowCenter.Server.Tests.Studio;

/// <summary>
/// An operator sets up an alert on a step that waits too long, in Chromium: the alert reaches the bell and an
/// SMTP listener once, links to the case, is acknowledged, and resolves itself when the case moves on.
/// </summary>
public sealed class AlertsPageTests
{
    [BrowserFact]
    public async Task StuckStep_AlertReachesTheBellAndMail_IsAcknowledged_AndResolvesItself()
    {
        await using var smtp = new SmtpListener();
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("review").Input("requester")
            .Node("start", "Start").Node("review", "UserTask", ("title", "Review the offer"), ("assignee", "li.na")).Node("end", "End")
            .Configure("review", n => n.DisplayName = "Review the offer")
            .Connect("start", "review").Connect("review", "end", "approve").Build());
        await using var server = await ServerProcess.StartAsync("alerts-page", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
            ["FlowCenter:Notifications:StudioUrl"] = "http://flowcenter.example",
            ["FlowCenter:Notifications:Smtp:Host"] = "127.0.0.1",
            ["FlowCenter:Notifications:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FlowCenter:Notifications:Smtp:Security"] = "None",
        });

        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        var problems = Browser.Watch(page);
        try
        {
            // The rule: the review waiting longer than 2 seconds, for the operators (nobody named).
            await Browser.SignInAsync(page, server.Client.BaseAddress!, "operator", "/");
            await page.Locator("[data-testid=nav-alerts]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=alert-rules-none]")).ToBeVisibleAsync();
            await page.Locator("[data-testid=alert-rule-add]").ClickAsync();
            await page.Locator("[data-testid=alert-rule-name]").FillAsync("Offer review waits");
            await Browser.PickAsync(page, page.Locator("[data-testid=alert-rule-process]"), "review");
            await Browser.PickAsync(page, page.Locator("[data-testid=alert-rule-step]"), "Review the offer");
            await page.Locator("[data-testid=alert-rule-threshold]").FillAsync("2");
            await Browser.PickAsync(page, page.Locator("[data-testid=alert-rule-unit]"), "seconds");
            await page.Locator("[data-testid=alert-rule-save]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=alerts-message]")).ToContainTextAsync("Rule “Offer review waits” saved.");
            await Assertions.Expect(page.Locator("[data-testid=alert-rule-row]")).ToContainTextAsync("A case waits at a step longer than: 2 s");

            // A case reaches the review and waits there past the target: one alert, once, to the bell and by mail.
            using var requester = server.ClientAs("zhang.wei");
            using var started = await requester.PostAsJsonAsync("/api/instances", new { definitionId = "review", businessKey = "OF-7" });
            var id = (await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
            await Eventually.ThatAsync(async () => (await server.PostAsync("/api/alerts/evaluate"))["opened"]!.GetValue<int>(), n => n == 1, "the alert to open", TimeSpan.FromSeconds(20));
            Assert.Equal(0, (await server.PostAsync("/api/alerts/evaluate"))["opened"]!.GetValue<int>());
            await page.Locator("[data-testid=alerts-check]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=alert-row][data-state=open]")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("[data-testid=alert-row]")).ToContainTextAsync("OF-7: at Review the offer since");
            await Assertions.Expect(page.Locator("[data-testid=bell-count]")).ToContainTextAsync("1");
            await page.Locator("[data-testid=bell-button]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=bell-item]").First).ToContainTextAsync("Alert · Offer review waits");
            await page.Keyboard.PressAsync("Escape");
            // (li.na was mailed her task; the alert goes to the operator.)
            var mail = await Eventually.ThatAsync(() => Task.FromResult(ToOperator(smtp)), m => m.Count > 0, "the alert's mail");
            Assert.Contains($"http://flowcenter.example/instances/{id}", Assert.Single(mail).Data, StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-alerts.png"), FullPage = true });

            // Acknowledged: no more reminders. The case moves on: the alert resolves itself.
            await page.Locator("[data-testid=alert-acknowledge]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=alerts-message]")).ToContainTextAsync("Acknowledged");
            using var approver = server.ClientAs("li.na");
            var task = (await approver.GetFromJsonAsync<JsonObject>("/api/tasks?box=todo"))!["items"]!.AsArray().Single()!;
            (await approver.PostAsJsonAsync($"/api/tasks/{task["itemId"]!.GetValue<string>()}/decide", new { outcome = "approve" })).EnsureSuccessStatusCode();
            await page.Locator("[data-testid=alerts-check]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=alerts-message]")).ToContainTextAsync("0 new, 0 reminded, 1 resolved");
            await page.Locator("[data-testid=alerts-show-resolved]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=alert-row][data-state=resolved]")).ToHaveCountAsync(1);
            Assert.Single(ToOperator(smtp));

            // In Chinese.
            var chinese = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
            chinese.SetDefaultTimeout(30_000);
            var chineseProblems = Browser.Watch(chinese);
            await Browser.SignInAsync(chinese, server.Client.BaseAddress!, "operator", "/alerts");
            await Assertions.Expect(chinese.Locator("[data-testid=alert-rule-row]")).ToContainTextAsync("实例在步骤停留超过");
            await chinese.Locator("[data-testid=alerts-show-resolved]").ClickAsync();
            await Assertions.Expect(chinese.Locator("[data-testid=alert-facts]").First).ToContainTextAsync("OF-7：自 ");
            await Assertions.Expect(chinese.Locator("[data-testid=alert-facts]").First).ToContainTextAsync("起停在 Review the offer");
            await chinese.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-alerts-zh.png"), FullPage = true });
            Assert.Empty(problems);
            Assert.Empty(chineseProblems);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            throw await Browser.ExplainAsync(page, ex, "alerts", server, "[data-testid=alert-rule-form]", "[data-testid=alerts-table]", "[data-testid=alerts-message]");
        }
    }

    private static List<(List<string> To, string Data)> ToOperator(SmtpListener smtp)
    {
        lock (smtp.Messages)
        {
            return [.. smtp.Messages.Where(m => m.To.Contains("operator@example.com"))];
        }
    }
}
