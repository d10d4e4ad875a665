using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Api;

/// <summary>Personal access tokens and remembered Basic credentials against a real server.</summary>
public sealed class AccessTokenTests
{
    [Fact]
    public async Task Token_ActsAsItsOwner_WithinItsScopes_UntilRevoked_AndIsShownOnce()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("flow").Node("start", "Start").Node("end", "End").Chain("start", "end").Build());
        await using var server = await ServerProcess.StartAsync("tokens", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        using var owner = server.ClientAs("designer");
        using var made = await owner.PostAsJsonAsync("/api/me/tokens", new { name = "ci deploy", scopes = new[] { "read", "deploy" }, days = 30 });
        var created = (await made.Content.ReadFromJsonAsync<JsonObject>())!;
        var secret = created["secret"]!.GetValue<string>();
        using var readOnly = await owner.PostAsJsonAsync("/api/me/tokens", new { name = "dashboards", scopes = new[] { "read" } });
        var readSecret = (await readOnly.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>();
        using var badScope = await owner.PostAsJsonAsync("/api/me/tokens", new { name = "x", scopes = new[] { "everything" } });

        using var deploy = Bearer(server, secret);
        using var reader = Bearer(server, readSecret);
        var definition = await server.Client.GetStringAsync("/api/definitions/flow/versions/1/json");
        using var list = await deploy.GetAsync("/api/definitions");
        using var save = await deploy.PutAsync("/api/definitions/flow", new StringContent(definition, System.Text.Encoding.UTF8, "application/json"));
        using var readerSave = await reader.PutAsync("/api/definitions/flow", new StringContent(definition, System.Text.Encoding.UTF8, "application/json"));
        using var tokenMakesToken = await deploy.PostAsJsonAsync("/api/me/tokens", new { name = "more", scopes = new[] { "admin" } });
        using var page = await deploy.GetAsync("/processes");
        var listed = await owner.GetFromJsonAsync<JsonArray>("/api/me/tokens");
        using var revoke = await owner.DeleteAsync($"/api/me/tokens/{created["id"]}");
        using var afterRevoke = await deploy.GetAsync("/api/definitions");
        using var strangerRevoke = await server.ClientAs("zhang.wei").DeleteAsync($"/api/me/tokens/{created["id"]}");

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.StartsWith("fct_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badScope.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readerSave.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tokenMakesToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain(secret, listed!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(listed, t => t!["name"]!.GetValue<string>() == "ci deploy" && t["lastUsedAt"] is not null);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerRevoke.StatusCode);
    }

    [Fact]
    public async Task RememberedCredentials_EndWhenTheAccountChanges_OnTheNextRequest()
    {
        using var folder = new TempFolder();
        var database = Path.Combine(folder.Path, "flowcenter.db");
        await using var server = await ServerProcess.StartAsync("basic-cache", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={database}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        using var basic = server.ClientAs("zhao.lei");
        using var made = await basic.PostAsJsonAsync("/api/me/tokens", new { name = "hr sync", scopes = new[] { "tasks" } });
        using var bearer = Bearer(server, (await made.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>());
        using var basicBefore = await basic.GetAsync("/api/tasks");
        using var bearerBefore = await bearer.GetAsync("/api/tasks");

        // What deactivating someone does to their account: inactive, with a new security stamp.
        await using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}"))
        {
            await db.OpenAsync();
            await using var update = db.CreateCommand();
            update.CommandText = "UPDATE AspNetUsers SET Active = 0, SecurityStamp = 'renewed' WHERE UserName = 'zhao.lei'";
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        using var basicAfter = await basic.GetAsync("/api/tasks");
        using var bearerAfter = await bearer.GetAsync("/api/tasks");

        Assert.Equal(HttpStatusCode.OK, basicBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearerBefore.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, basicAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bearerAfter.StatusCode);
    }

    [BrowserFact]
    public async Task TokensPage_MakesATokenShownOnce_ThatWorks_UntilRevokedThere()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync("tokens-page", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new Microsoft.Playwright.BrowserNewPageOptions { Locale = "en-US" });
        page.SetDefaultTimeout(30_000);
        await Browser.SignInAsync(page, server.Client.BaseAddress!, "designer", "/me/tokens");

        await page.Locator("input[data-testid=token-name]").FillAsync("nightly deploy");
        await page.Locator("input[data-testid=token-scope-deploy]").CheckAsync();
        await page.Locator("[data-testid=token-create]").ClickAsync();
        var secret = (await page.Locator("[data-testid=token-secret] code").InnerTextAsync()).Trim();
        using var bearer = Bearer(server, secret);
        using var before = await bearer.GetAsync("/api/definitions");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-testid=token-list]")).ToContainTextAsync("nightly deploy");
        await page.Locator("[data-testid='token-revoke-nightly deploy']").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-testid=token-list]")).ToContainTextAsync("revoked");
        using var after = await bearer.GetAsync("/api/definitions");

        Assert.StartsWith("fct_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private static HttpClient Bearer(ServerProcess server, string secret)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Client.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return client;
    }
}
