using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;
using Microsoft.Playwright;

namespace FlowCenter.Server.Tests.Studio;

/// <summary>The process list in Chromium against a real server, as a process designer uses it.</summary>
public sealed class ProcessListPageTests
{
    [BrowserFact]
    public async Task ProcessList_CreatePublishSwitchLanguageImportDelete()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("leave").Node("start", "Start").Node("end", "End").Chain("start", "end").Build());
        await using var server = await ServerProcess.StartAsync("studio", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US" });
        page.SetDefaultTimeout(30_000);

        await Browser.SignInAsync(page, server.Client.BaseAddress!, "designer", "/processes");
        var table = page.Locator("[data-testid=process-table]");
        await Assertions.Expect(table).ToContainTextAsync("leave");

        // Create a process: it appears as a draft, then publish it.
        await page.Locator("[data-testid=create-process]").ClickAsync();
        // The name first: the id proposed from it shows the server has it (and that the dialog's own focus on the
        // name field is behind us, which under load took "repair" typed into the id field before it).
        await page.Locator("input[data-testid=new-process-name]").FillAsync("Equipment repair");
        await Assertions.Expect(page.Locator("input[data-testid=new-process-id]")).ToHaveValueAsync("equipment-repair");
        await page.Locator("input[data-testid=new-process-id]").FillAsync("repair");
        await Assertions.Expect(page.Locator("[data-testid=new-process-why]")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=new-process-save]").ClickAsync();
        // Saving opens the new process in the designer (the id written by hand stays as written).
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/designer/repair$"));
        await page.Locator("[data-testid=nav-processes]").ClickAsync();
        var repair = table.Locator("tr", new LocatorLocatorOptions { HasText = "Equipment repair" });
        await Assertions.Expect(repair).ToContainTextAsync("Draft");
        await repair.Locator("[data-testid=publish]").ClickAsync();
        await Assertions.Expect(repair).ToContainTextAsync("Published");

        // Import a file with a problem: the report shows it before anything is saved.
        var broken = Path.Combine(folder.Path, "broken.json");
        await File.WriteAllTextAsync(broken, """{"schemaVersion":1,"id":"broken","name":"Broken","version":1,"nodes":[{"id":"start","type":"Start"},{"id":"x","type":"Teleport"}],"connections":[{"id":"c1","source":"start","sourcePort":"done","target":"x"}]}""");
        await Browser.ChooseFileAsync(page, broken);
        await Assertions.Expect(page.Locator("[data-testid=import-problems]")).ToContainTextAsync("UnknownActivity");
        await Assertions.Expect(page.Locator("[data-testid=import-publish]")).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(table).Not.ToContainTextAsync("Broken");

        // Delete with confirmation.
        await repair.Locator("[data-testid=delete]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(table).Not.ToContainTextAsync("Equipment repair");

        // Switch to Chinese: the page speaks Chinese after the reload.
        await page.GotoAsync(server.Client.BaseAddress + "culture?set=zh-CN&redirect=/processes");
        await Assertions.Expect(page.Locator("[data-testid=create-process]")).ToContainTextAsync("新建流程");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-process-list.png") });
    }

    /// <summary>An Elsa 3 export imported as a new user would: the report first, then published, started and finished.</summary>
    [BrowserFact]
    public async Task ElsaFile_ImportShowsTheReport_PublishesAndRuns_AndExportsAsElsa()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync("studio-import-elsa", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        var problems = Browser.Watch(page);
        try
        {
            await Browser.SignInAsync(page, server.Client.BaseAddress!, "designer", "/processes");
            await Browser.ChooseFileAsync(page, TempFolder.RepositoryFile("tests", "FlowCenter.Engine.Tests", "Fixtures", "elsa", "loop-setvariable-javascript-decision-legacy.json"));
            await Assertions.Expect(page.Locator("[data-testid=import-format]")).ToHaveTextAsync("Elsa 3 JSON");
            await Assertions.Expect(page.Locator("[data-testid=import-summary]")).ToContainTextAsync("2 imported with a change");
            var rewritten = page.Locator("[data-testid=import-note][data-element=SetVariable1]");
            await Assertions.Expect(rewritten).ToContainTextAsync("Changed");
            await Assertions.Expect(rewritten).ToContainTextAsync("getCounter() + 1 → Counter + 1");
            await Assertions.Expect(page.Locator("[data-testid=import-note][data-element=FlowDecision1]")).ToContainTextAsync("Became a “Decision” step");
            await Assertions.Expect(page.Locator("[data-testid=import-valid]")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-import-elsa.png"), FullPage = true });
            Assert.Empty((await server.GetAsync("/api/definitions")).AsArray()); // nothing saved before the word
            await page.Locator("[data-testid=import-publish]").ClickAsync();
            var row = page.Locator("[data-testid=process-table] tr", new PageLocatorOptions { HasText = "Looping construct" });
            await Assertions.Expect(row).ToContainTextAsync("Published");

            // It runs: a new request of it completes with the counter Elsa computes.
            using var started = await server.ClientAs("designer").PostAsJsonAsync("/api/instances", new { definitionId = "68e6bca3d86c4a5a8dfb825f1d5c0875" });
            var id = (await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
            await Eventually.ThatAsync(() => server.GetAsync($"/api/instances/{id}/variables"), v => v["Counter"]?.ToJsonString() == "2", "the imported loop's counter at 2");

            // The export menu offers the three formats; Elsa's is a download of Elsa JSON.
            await row.Locator("[data-testid=export] button").ClickAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-elsa]").ClickAsync());
            Assert.Equal("68e6bca3d86c4a5a8dfb825f1d5c0875.v1.elsa.json", download.SuggestedFilename);
            var elsa = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!;
            Assert.Equal("Elsa.Flowchart", elsa["root"]!["type"]!.GetValue<string>());

            await page.GotoAsync(server.Client.BaseAddress + "culture?set=zh-CN&redirect=/processes");
            await Browser.ChooseFileAsync(page, TempFolder.RepositoryFile("tests", "FlowCenter.Engine.Tests", "Fixtures", "elsa", "http-endpoint-write-response.json"));
            await Assertions.Expect(page.Locator("[data-testid=import-note][data-status=NotImported]")).ToContainTextAsync("未导入");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-import-elsa-zh.png"), FullPage = true });
            Assert.Empty(problems);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            throw await Browser.ExplainAsync(page, ex, "import-elsa", server, "[data-testid=import-report]", "[data-testid=import-error]", "[data-testid=process-table]");
        }
    }

    /// <summary>A Camunda 7 BPMN file imported in the Studio: its report, a draft saved, the diagram in the BPMN view; a hostile file refused.</summary>
    [BrowserFact]
    public async Task BpmnFile_ImportShowsTheReport_SavesADraft_HostileXmlIsRefused()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync("studio-import-bpmn", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        var problems = Browser.Watch(page);
        try
        {
            await Browser.SignInAsync(page, server.Client.BaseAddress!, "designer", "/processes");
            await Browser.ChooseFileAsync(page, TempFolder.RepositoryFile("tests", "FlowCenter.Engine.Tests", "Fixtures", "bpmn", "08-invoice-receipt-dmn-callactivity_camunda7.bpmn"));
            await Assertions.Expect(page.Locator("[data-testid=import-format]")).ToHaveTextAsync("BPMN 2.0");
            await Assertions.Expect(page.Locator("[data-testid=import-note][data-element=ServiceTask_1]")).ToContainTextAsync("until you choose a connector");
            await Assertions.Expect(page.Locator("[data-testid=import-note][data-element=reviewInvoice]")).ToContainTextAsync("Became a “Sub-process” step");
            await Assertions.Expect(page.Locator("[data-testid=import-note][data-element=approveInvoice]")).ToContainTextAsync("belongs to the other tool");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-import-bpmn.png"), FullPage = true });
            await page.Locator("[data-testid=import-save-draft]").ClickAsync();
            var row = page.Locator("[data-testid=process-table] tr", new PageLocatorOptions { HasText = "Invoice Receipt" });
            await Assertions.Expect(row).ToContainTextAsync("Draft");

            // The draft exported again and drawn by bpmn-js.
            await row.Locator("[data-testid=export] button").ClickAsync();
            await page.Locator("[data-testid=export-bpmn-view]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=bpmn-canvas] .djs-element.djs-shape").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=bpmn-clean], [data-testid=bpmn-findings]")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-bpmn-view-imported.png"), FullPage = true });

            // A file that declares entities is refused, saying why; nothing is saved.
            var hostile = Path.Combine(folder.Path, "lol.bpmn");
            await File.WriteAllTextAsync(hostile, """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&lol2;</definitions>""");
            await page.GotoAsync(server.Client.BaseAddress + "processes");
            await Browser.ChooseFileAsync(page, hostile);
            await Assertions.Expect(page.Locator("[data-testid=import-error]")).ToContainTextAsync("This BPMN 2.0 file cannot be read.");
            await Assertions.Expect(page.Locator("[data-testid=import-error-detail]")).ToContainTextAsync("declares a DTD");
            Assert.Single((await server.GetAsync("/api/definitions")).AsArray());

            // A collaboration of four pools: each is a process to import, or only those ticked.
            await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await page.GotoAsync(server.Client.BaseAddress + "processes");
            await Browser.ChooseFileAsync(page, TempFolder.RepositoryFile("tests", "FlowCenter.Engine.Tests", "Fixtures", "bpmn", "07-all-elements-kitchen-sink_miwg-B.2.0.bpmn"));
            var choices = page.Locator("[data-testid=import-choose] input, input[data-testid=import-choose]");
            await Assertions.Expect(choices).ToHaveCountAsync(4);
            for (var i = 0; i < 3; i++)
            {
                await choices.Nth(i).UncheckAsync();
            }

            await Assertions.Expect(choices.Nth(3)).ToBeCheckedAsync();
            await page.Locator("[data-testid=import-save-draft]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=process-table]")).ToContainTextAsync("WFP-0");
            Assert.Equal(2, (await server.GetAsync("/api/definitions")).AsArray().Count);
            Assert.Empty(problems);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            throw await Browser.ExplainAsync(page, ex, "import-bpmn", server, "[data-testid=import-report]", "[data-testid=import-error]", "[data-testid=process-table]", "[data-testid=bpmn-findings]");
        }
    }
}
