using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;
using Microsoft.Playwright;

namespace FlowCenter.Server.Tests.Studio;

/// <summary>
/// A request stopped by an incident, in Chromium: the operators are told (the bell's REST source), the requester
/// reads a plain-language state, the failed step in red on the diagram and the steps so far, without the
/// technical message; an operator reads the message too, in Chinese.
/// </summary>
public sealed class RequestPageTests
{
    [BrowserFact]
    public async Task RequestHeldUpByAnIncident_OperatorsAreTold_RequesterSeesWhereAndWhyInPlainWords()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("broken").Input("requester")
            .Node("start", "Start").Node("erp", "Script", ("script", "throw new Error('ERP refused the order');")).Node("end", "End")
            .Configure("erp", n => n.DisplayName = "Book the order in ERP")
            .Chain("start", "erp", "end").Build());
        await using var server = await ServerProcess.StartAsync("held-up", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        using var requester = server.ClientAs("zhang.wei");
        using var started = await requester.PostAsJsonAsync("/api/instances", new { definitionId = "broken" });
        started.EnsureSuccessStatusCode();
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        // Every operator is told, in the app (and by the configured channels, through the same notifiers).
        using var operatorClient = server.ClientAs("operator");
        var told = await Eventually.ThatAsync(async () => (await operatorClient.GetFromJsonAsync<JsonArray>("/api/notifications"))!,
            n => n.Any(i => i!["kind"]!.GetValue<string>() == "incident"), "the operator's incident notification", context: () => server.LogTail);
        var incident = told.First(i => i!["kind"]!.GetValue<string>() == "incident")!;
        Assert.Equal(instanceId, incident["instanceId"]!.GetValue<string>());
        Assert.Contains("ERP refused the order", incident["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await requester.GetFromJsonAsync<JsonArray>("/api/notifications"))!);

        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        var problems = Browser.Watch(page);
        try
        {
            await Browser.SignInAsync(page, server.Client.BaseAddress!, "zhang.wei", $"/requests/{instanceId}");
            await Assertions.Expect(page.Locator("[data-testid=request-held]")).ToContainTextAsync("held up at Book the order in ERP");
            await Assertions.Expect(page.Locator("[data-testid=request-held]")).ToContainTextAsync("operators have been told");
            await Assertions.Expect(page.Locator("[data-testid=request-status]")).ToContainTextAsync("Held up at Book the order in ERP");
            await Assertions.Expect(page.Locator("[data-testid=request-incident]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=process-diagram] g[data-cell-id=erp] rect").First).ToHaveAttributeAsync("fill", "#ffcdd2");
            var steps = page.Locator("[data-testid=request-steps]");
            await Assertions.Expect(steps).ToContainTextAsync("Book the order in ERP");
            await Assertions.Expect(steps).ToContainTextAsync("Failed");
            await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("ERP refused the order");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-request-held.png"), FullPage = true });

            var chinese = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
            chinese.SetDefaultTimeout(30_000);
            var chineseProblems = Browser.Watch(chinese);
            await Browser.SignInAsync(chinese, server.Client.BaseAddress!, "operator", $"/requests/{instanceId}");
            await Assertions.Expect(chinese.Locator("[data-testid=request-held]")).ToContainTextAsync("此申请停在“Book the order in ERP”");
            await Assertions.Expect(chinese.Locator("[data-testid=request-incident]")).ToContainTextAsync("ERP refused the order");
            await Assertions.Expect(chinese.Locator("[data-testid=request-steps]")).ToContainTextAsync("失败");
            await chinese.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-request-held-zh.png"), FullPage = true });
            Assert.Empty(problems);
            Assert.Empty(chineseProblems);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            throw await Browser.ExplainAsync(page, ex, "request-held", server, "[data-testid=request-held]", "[data-testid=request-steps]");
        }
    }
}
