using FlowCenter.Server.Tests.TestSupport;
using Microsoft.Playwright;

namespace FlowCenter.Server.Tests.Studio;

/// <summary>An administrator keeps the organisation in Chromium: adds a person, imports departments from CSV.</summary>
public sealed class OrganizationPageTests
{
    [BrowserFact]
    public async Task Organization_AddUserAndImportCsv_TheNewPersonCanSignIn()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync("org", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        await Browser.SignInAsync(page, server.Client.BaseAddress!, "admin", "/admin/organization");

        // A CSV of departments: the report comes first, then the import.
        var csv = Path.Combine(folder.Path, "departments.csv");
        await File.WriteAllTextAsync(csv, "id,name,parent,manager\nqa,质量部 / Quality,hq,\nqa-lab,实验室 / Lab,qa,\n");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Import" }).ClickAsync();
        await Browser.ChooseFileAsync(page, csv);
        await Assertions.Expect(page.Locator("[data-testid=org-import-report]")).ToContainTextAsync("2 departments");
        await page.Locator("[data-testid=org-import-save]").ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Departments" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=departments-table]")).ToContainTextAsync("实验室 / Lab");

        // A new person with a manager, a role and a password.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Users" }).ClickAsync();
        await page.Locator("[data-testid=user-add]").ClickAsync();
        await page.Locator("input[data-testid=user-name-input]").FillAsync("sun.li");
        await page.Locator("input[data-testid=user-display-input]").FillAsync("孙丽");
        await Browser.PickAsync(page, page.Locator("[data-testid=user-manager]"), "(li.na)");
        await page.Locator("input[data-testid=user-password]").FillAsync("Welcome-2026");
        await page.Locator("[data-testid=user-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=users-table]")).ToContainTextAsync("孙丽");

        using var newcomer = new HttpClient { BaseAddress = server.Client.BaseAddress };
        newcomer.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("sun.li:Welcome-2026"u8.ToArray()));
        Assert.True((await newcomer.GetAsync("/api/definitions")).IsSuccessStatusCode);
    }
}
