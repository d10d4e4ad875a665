using FlowCenter.Server.Tests.TestSupport;
using Microsoft.Playwright;

namespace FlowCenter.Server.Tests.Studio;

/// <summary>
/// Every shipped process exported as BPMN 2.0 and opened in bpmn-js (from npm, in Chromium), checked by
/// bpmnlint's recommended rules: no import warning, no finding (the one rule left out is named on the page).
/// </summary>
public sealed class BpmnViewTests
{
    private static readonly string[] Shipped = ["credit-check", "customer-sync", "employee-onboarding", "equipment-repair", "leave-request", "order-to-delivery", "procure-to-pay", "purchase-request", "sales-order"];

    [BrowserFact]
    public async Task EveryShippedProcess_AndOneWithEvents_OpensInBpmnJs_WithoutWarnings_AndPassesBpmnlint()
    {
        using var folder = new TempFolder();
        foreach (var id in Shipped)
        {
            folder.AddShippedWorkflow(id);
        }

        await using var server = await ServerProcess.StartAsync("bpmn-view", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        // A process with what the shipped ones lack: a boundary event, a throw, an event-based gateway, an event sub-process.
        var withEvents = File.ReadAllText(TempFolder.RepositoryFile("tests", "FlowCenter.Engine.Tests", "Fixtures", "bpmn", "order-events.bpmn"));
        using (var imported = await server.ClientAs("designer").PostAsync("/api/definitions/import?publish=true", new StringContent(withEvents, System.Text.Encoding.UTF8, "application/xml")))
        {
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        }

        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        var problems = Browser.Watch(page);
        try
        {
            await Browser.SignInAsync(page, server.Client.BaseAddress!, "designer", "/processes");
            var unclean = new List<string>();
            foreach (var id in Shipped.Append("order-events"))
            {
                await page.GotoAsync(server.Client.BaseAddress + $"processes/{id}/bpmn");
                var verdict = page.Locator("[data-testid=bpmn-clean], [data-testid=bpmn-findings]");
                await Assertions.Expect(verdict).ToBeVisibleAsync();
                // bpmn-js drew every step: one shape per node at least.
                Assert.True(await page.Locator("[data-testid=bpmn-canvas] .djs-element.djs-shape").CountAsync() > 3, id + " was not drawn");
                if (await page.Locator("[data-testid=bpmn-findings]").CountAsync() > 0)
                {
                    unclean.Add(id + ": " + await page.Locator("[data-testid=bpmn-findings]").InnerTextAsync());
                }

                if (id == "purchase-request")
                {
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-bpmn-view.png"), FullPage = true });
                }
            }

            Assert.True(unclean.Count == 0, string.Join("\n\n", unclean));
            // The last one drawn, with events: the event sub-process open, its steps inside it, the listener on the task.
            await Assertions.Expect(page.Locator("[data-testid=bpmn-canvas] .djs-element[data-element-id=answer]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=bpmn-canvas] .djs-element[data-element-id=approve-Cancelled]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=bpmn-left-out]")).ToContainTextAsync("no-inclusive-gateway");
            Assert.Empty(problems);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            throw await Browser.ExplainAsync(page, ex, "bpmn-view", server, "[data-testid=bpmn-findings]", "[data-testid=bpmn-clean]");
        }
    }
}
