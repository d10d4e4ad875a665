using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;
using Microsoft.Playwright;

namespace FlowCenter.Server.Tests.Studio;

/// <summary>
/// The app bar's bell in Chromium: it opens by mouse and by keyboard, lists the person's notifications, one click
/// opens the task and marks it read, a task handled elsewhere stops counting, and clearing empties it for good.
/// </summary>
public sealed class NotificationBellTests
{
    [BrowserFact]
    public async Task Bell_OpensListsMarksReadLinksAndClears_InBothLanguages()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("approve").Input("requester")
            .Node("start", "Start").Node("task", "UserTask", ("title", "Approve the order"), ("assignee", "li.na")).Node("end", "End")
            .Connect("start", "task").Connect("task", "end", "approve").Build());
        await using var server = await ServerProcess.StartAsync("bell", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        using var requester = server.ClientAs("zhang.wei");
        using var approver = server.ClientAs("li.na");
        for (var i = 0; i < 2; i++)
        {
            using var started = await requester.PostAsJsonAsync("/api/instances", new { definitionId = "approve" });
            started.EnsureSuccessStatusCode();
        }

        await Eventually.ThatAsync(async () => (await approver.GetFromJsonAsync<JsonArray>("/api/notifications"))!, n => n.Count == 2, "two to-do notifications for li.na");

        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        var problems = Browser.Watch(page);
        try
        {
            await Browser.SignInAsync(page, server.Client.BaseAddress!, "li.na", "/");
            var count = page.Locator("[data-testid=bell-count]");
            await Assertions.Expect(count).ToContainTextAsync("2");

            // By keyboard: the bell is a button with a name.
            var bell = page.Locator("[data-testid=bell-button]");
            await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications");
            await bell.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var items = page.Locator("[data-testid=bell-item]");
            await Assertions.Expect(items).ToHaveCountAsync(2);
            await Assertions.Expect(items.First).ToContainTextAsync("To do · Approve the order");
            await Assertions.Expect(page.Locator("[data-testid=bell-item][data-read=false]")).ToHaveCountAsync(2);
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(items).ToHaveCountAsync(0);

            // By mouse: one click on a notification opens its task and marks it read.
            await bell.ClickAsync();
            await items.First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tasks/[^/]+$"));
            await Assertions.Expect(page.Locator("[data-testid=form-view], [data-testid=decide-approve]").First).ToBeVisibleAsync();
            await Assertions.Expect(count).ToContainTextAsync("1");

            // The other task is decided elsewhere (the REST API, as a phone app would): once the page changes the bell
            // no longer counts it, and shows it as handled.
            var todo = (await approver.GetFromJsonAsync<JsonObject>("/api/tasks?box=todo"))!["items"]!.AsArray();
            var other = todo.Single(t => !page.Url.EndsWith(t!["itemId"]!.GetValue<string>(), StringComparison.Ordinal))!["itemId"]!.GetValue<string>();
            using (var decided = await approver.PostAsJsonAsync($"/api/tasks/{other}/decide", new { outcome = "approve" }))
            {
                decided.EnsureSuccessStatusCode();
            }

            await page.Locator("[data-testid=nav-tasks]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=bell-count] .mud-badge")).ToHaveCountAsync(0);
            await bell.ClickAsync();
            await Assertions.Expect(items).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("[data-testid=bell-item]", new PageLocatorOptions { HasText = "handled" })).ToHaveCountAsync(1);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-bell.png") });

            // Clearing empties the bell, also after a reload; the task itself stays in the inbox.
            await page.Locator("[data-testid=bell-clear]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=bell-empty]")).ToBeVisibleAsync();
            await page.ReloadAsync();
            await bell.ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=bell-empty]")).ToContainTextAsync("Nothing new.");
            Assert.Empty((await approver.GetFromJsonAsync<JsonArray>("/api/notifications"))!);
            Assert.Single((await approver.GetFromJsonAsync<JsonObject>("/api/tasks?box=todo"))!["items"]!.AsArray());

            // In Chinese: a new task rings the bell, which speaks Chinese.
            using (var started = await requester.PostAsJsonAsync("/api/instances", new { definitionId = "approve" }))
            {
                started.EnsureSuccessStatusCode();
            }

            var chinese = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            chinese.SetDefaultTimeout(30_000);
            Browser.Watch(chinese);
            await Browser.SignInAsync(chinese, server.Client.BaseAddress!, "li.na", "/");
            await Assertions.Expect(chinese.Locator("[data-testid=bell-count]")).ToContainTextAsync("1");
            await Assertions.Expect(chinese.Locator("[data-testid=bell-button]")).ToHaveAttributeAsync("aria-label", "通知");
            await chinese.Locator("[data-testid=bell-button]").ClickAsync();
            await Assertions.Expect(chinese.Locator("[data-testid=bell-item]")).ToContainTextAsync("待办 · Approve the order");
            await Assertions.Expect(chinese.Locator("[data-testid=bell-read-all]")).ToHaveTextAsync("全部标为已读");
            await chinese.Locator("[data-testid=bell-read-all]").ClickAsync();
            await Assertions.Expect(chinese.Locator("[data-testid=bell-count] .mud-badge")).ToHaveCountAsync(0);
            Assert.Empty(problems);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            throw await Browser.ExplainAsync(page, ex, "bell", server, "header", "[data-testid=bell-count]", ".mud-popover-open");
        }
    }
}
