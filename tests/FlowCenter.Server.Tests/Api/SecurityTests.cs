using System.Net;
using System.Net.Http.Json;
using FlowCenter.Server.Tests.TestSupport;
using Microsoft.Playwright;

namespace FlowCenter.Server.Tests.Api;

/// <summary>Sign-in and roles against a real server with the demo organisation.</summary>
public sealed class SecurityTests
{
    [BrowserFact]
    public async Task Roles_UserWithoutDesigner_CannotOpenOrSaveTheDesigner()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("flow").Node("start", "Start").Node("end", "End").Chain("start", "end").Build());
        await using var server = await ServerProcess.StartAsync("security", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        var definition = await server.Client.GetStringAsync("/api/definitions/flow/versions/1/json");
        using var anonymous = server.ClientAs(null);
        using var requester = server.ClientAs("zhang.wei");
        using var designer = server.ClientAs("designer");
        using var wrong = new HttpClient { BaseAddress = server.Client.BaseAddress };
        wrong.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("designer:nope"u8.ToArray()));

        using var anonymousList = await anonymous.GetAsync("/api/definitions");
        using var wrongList = await wrong.GetAsync("/api/definitions");
        using var requesterList = await requester.GetAsync("/api/definitions");
        using var requesterSave = await requester.PutAsync("/api/definitions/flow", new StringContent(definition, System.Text.Encoding.UTF8, "application/json"));
        using var requesterExport = await requester.GetAsync("/api/definitions/flow/versions/1/json");
        using var requesterStart = await requester.PostAsJsonAsync("/api/instances", new { definitionId = "flow" });
        using var requesterQuery = await requester.GetAsync("/api/instances");
        using var designerSave = await designer.PutAsync("/api/definitions/flow", new StringContent(definition, System.Text.Encoding.UTF8, "application/json"));
        using var designerDashboard = await designer.GetAsync("/hangfire");
        using var adminDashboard = await server.Client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousList.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongList.StatusCode);
        Assert.Equal(HttpStatusCode.OK, requesterList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, requesterSave.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, requesterExport.StatusCode);
        Assert.Equal(HttpStatusCode.Created, requesterStart.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, requesterQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, designerSave.StatusCode);
        Assert.Equal(2, (await designerSave.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["version"]!.GetValue<int>());
        Assert.NotEqual(HttpStatusCode.OK, designerDashboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminDashboard.StatusCode);

        // In the browser: a page asked for while signed out leads to the sign-in page; a wrong password is
        // refused; the requester then lands on "no access" for the designer and has no designer in the menu.
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US" });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(server.Client.BaseAddress!, "/designer/flow").ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/signin\\?ReturnUrl=%2Fdesigner%2Fflow"));
        await page.Locator("[data-testid=signin-user]").FillAsync("zhang.wei");
        await page.Locator("[data-testid=signin-password]").FillAsync("wrong password");
        await page.Locator("[data-testid=signin-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=signin-error]")).ToContainTextAsync("wrong password");
        await page.Locator("[data-testid=signin-user]").FillAsync("zhang.wei");
        await page.Locator("[data-testid=signin-password]").FillAsync(ServerProcess.DemoPassword);
        await page.Locator("[data-testid=signin-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await page.GotoAsync(server.Client.BaseAddress!.ToString());
        await Assertions.Expect(page.Locator("[data-testid=home-greeting]")).ToContainTextAsync("张伟");
        await Assertions.Expect(page.Locator("[data-testid=nav-tasks]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=nav-designer]")).ToHaveCountAsync(0);

        // Signing out ends the session: the designer asks for a sign-in again.
        await page.Locator("[data-testid=user-menu]").ClickAsync();
        await page.Locator("[data-testid=sign-out]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/signin$"));
        await page.GotoAsync(new Uri(server.Client.BaseAddress!, "/processes").ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/signin"));
    }

    [Fact]
    public async Task WithoutTheDemo_NoKnownPasswordWorks_AndTheFirstAdministratorComesFromSettings()
    {
        using var folder = new TempFolder();
        await using var bare = await ServerProcess.StartAsync("no-demo", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "bare.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
            ["FlowCenter:Security:SeedDemoUsers"] = "false",
        });
        using var demoAdmin = await bare.Client.GetAsync("/api/definitions");
        await using var first = await ServerProcess.StartAsync("first-admin", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "first.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
            ["FlowCenter:Security:SeedDemoUsers"] = "false",
            ["FlowCenter:Security:InitialAdministrator:UserName"] = "admin",
            ["FlowCenter:Security:InitialAdministrator:Password"] = ServerProcess.DemoPassword,
        });
        using var firstAdmin = await first.Client.GetAsync("/api/connections");
        using var demoUser = await first.ClientAs("zhang.wei").GetAsync("/api/tasks");
        using var signInPage = await first.ClientAs(null).GetStringAsync("/account/signin") is var html ? new StringContent(html) : null;

        Assert.Equal(HttpStatusCode.Unauthorized, demoAdmin.StatusCode);
        await Eventually.ThatAsync(() => Task.FromResult(bare.Log), log => log.Contains("No one can sign in yet", StringComparison.Ordinal), "the banner saying how to create the first administrator");
        Assert.Equal(HttpStatusCode.OK, firstAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, demoUser.StatusCode);
        Assert.DoesNotContain("signin-demo", await signInPage!.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
