using System.Net.Http.Json;
using FlowCenter.Server.Tests.TestSupport;
using Microsoft.Playwright;

namespace FlowCenter.Server.Tests.Studio;

/// <summary>The operators' home in Chromium: per-process figures, the activity chart drawn by ECharts, what needs attention, both languages.</summary>
public sealed class MonitorPageTests
{
    [BrowserFact]
    public async Task Monitor_ShowsEachProcessFigures_TheChart_AndWhatNeedsAttention()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("pay").Input("requester").Input("ok", FlowCenter.Engine.Definitions.DataType.Boolean)
            .Node("start", "Start").Node("check", "Script", ("script", "if (!input.ok) throw new Error('Bank refused'); return 1;")).Node("end", "End")
            .Chain("start", "check", "end").Build());
        folder.AddWorkflow(new WorkflowBuilder("approve").Input("requester")
            .Node("start", "Start").Node("task", "UserTask", ("title", "Approve"), ("assignee", "li.na")).Node("end", "End")
            .Connect("start", "task").Connect("task", "end", "approve").Build());
        await using var server = await ServerProcess.StartAsync("monitor-page", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        using var requester = server.ClientAs("zhang.wei");
        foreach (var (definition, ok) in new[] { ("pay", true), ("pay", true), ("pay", false), ("approve", true) })
        {
            (await requester.PostAsJsonAsync("/api/instances", new { definitionId = definition, input = new { ok } })).EnsureSuccessStatusCode();
        }

        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        foreach (var locale in new[] { "en-US", "zh-CN" })
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = locale, ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
            page.SetDefaultTimeout(30_000);
            var problems = Browser.Watch(page);
            try
            {
                await Browser.SignInAsync(page, server.Client.BaseAddress!, "operator", "/");
                await page.Locator("[data-testid=nav-monitor]").ClickAsync();
                var pay = page.Locator("[data-testid=monitor-process][data-process=pay]");
                await Assertions.Expect(pay.Locator("[data-testid=monitor-today]")).ToHaveTextAsync("2");
                await Assertions.Expect(pay.Locator("[data-testid=monitor-incidents]")).ToHaveTextAsync("1");
                await Assertions.Expect(page.Locator("[data-testid=monitor-process][data-process=approve] [data-testid=monitor-people]")).ToHaveTextAsync("1");
                await Assertions.Expect(page.Locator("[data-testid=activity-chart] svg path").First).ToBeAttachedAsync();
                await Assertions.Expect(page.Locator("[data-testid=activity-chart]")).ToContainTextAsync(locale == "en-US" ? "Completed" : "完成");
                await Assertions.Expect(page.Locator("[data-testid=monitor-attention-item][data-kind=incident]")).ToContainTextAsync("Bank refused");
                await page.Locator("[data-testid=monitor-span] >> text=" + (locale == "en-US" ? "Last 14 days" : "最近 14 天")).ClickAsync();
                await Assertions.Expect(page.Locator("[data-testid=activity-chart]")).ToContainTextAsync(DateTime.Now.ToString("M/d", System.Globalization.CultureInfo.InvariantCulture));
                await Assertions.Expect(page.Locator("[data-testid=monitor-span] button").Nth(1)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-button-filled"));
                await page.Mouse.MoveAsync(0, 0);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"flowcenter-monitor-{locale}.png"), FullPage = true });
                Assert.Empty(problems);
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
            {
                throw await Browser.ExplainAsync(page, ex, "monitor-" + locale, server, "[data-testid=monitor-processes]", "[data-testid=monitor-attention]");
            }
        }
    }
}
