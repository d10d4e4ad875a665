using FlowCenter.Server.Tests.TestSupport;
using Microsoft.Playwright;

namespace FlowCenter.Server.Tests.Studio;

/// <summary>An administrator registers a REST connection in Chromium, tests it, and its secret is never shown again.</summary>
public sealed class ConnectionsPageTests
{
    [BrowserFact]
    public async Task Connections_AddTestSave_TheSecretStaysHidden()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync("connections", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        await Browser.SignInAsync(page, server.Client.BaseAddress!, "admin", "/admin/connections");

        await page.Locator("[data-testid=connection-add]").ClickAsync();
        await page.Locator("input[data-testid=connection-name]").FillAsync("self");
        await page.Locator("input[data-testid=setting-baseUrl]").FillAsync(new Uri(server.Client.BaseAddress!, "/health").ToString());
        await Browser.PickAsync(page, page.Locator("[data-testid=setting-auth]"), "bearer");
        await page.Locator("input[data-testid=secret-token]").FillAsync("top-secret-token");
        await page.Locator("[data-testid=connection-test]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=connection-test-result]")).ToContainTextAsync("answered 200");
        await page.Locator("[data-testid=connection-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=connections-table]")).ToContainTextAsync("token");

        // Editing shows that a token is set, never the token itself; a test uses the saved one.
        await page.Locator("[data-testid=edit-connection-self]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=connection-form]")).ToContainTextAsync("not shown again");
        Assert.DoesNotContain("top-secret-token", await page.ContentAsync(), StringComparison.Ordinal);
        await page.Locator("[data-testid=connection-test]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=connection-test-result]")).ToContainTextAsync("answered 200");

        // A host nobody listens on: the test says exactly what failed.
        await page.Locator("input[data-testid=setting-baseUrl]").FillAsync("http://127.0.0.1:9/");
        await page.Locator("[data-testid=connection-test]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=connection-test-result]")).ToContainTextAsync("127.0.0.1:9");
    }
}
