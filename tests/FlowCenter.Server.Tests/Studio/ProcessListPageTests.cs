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
}
