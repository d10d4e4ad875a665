using System.Net;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Api;

/// <summary>OpenID Connect switched on by configuration: the sign-in page offers it and sends the browser to the provider.</summary>
public sealed class OpenIdConnectTests
{
    [Fact]
    public async Task OpenIdConnect_Configured_SignInRedirectsToTheProvider()
    {
        using var folder = new TempFolder();
        using var provider = new WebhookListener();
        provider.Respond = path => path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal)
            ? new JsonObject
            {
                ["issuer"] = $"http://127.0.0.1:{provider.Port}",
                ["authorization_endpoint"] = $"http://127.0.0.1:{provider.Port}/authorize",
                ["token_endpoint"] = $"http://127.0.0.1:{provider.Port}/token",
                ["jwks_uri"] = $"http://127.0.0.1:{provider.Port}/jwks",
                ["response_types_supported"] = new JsonArray("code"),
                ["subject_types_supported"] = new JsonArray("public"),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            }
            : path.EndsWith("/jwks", StringComparison.Ordinal) ? new JsonObject { ["keys"] = new JsonArray() } : null;
        await using var server = await ServerProcess.StartAsync("oidc", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
            ["FlowCenter:Security:OpenIdConnect:Authority"] = $"http://127.0.0.1:{provider.Port}",
            ["FlowCenter:Security:OpenIdConnect:ClientId"] = "flowcenter",
            ["FlowCenter:Security:OpenIdConnect:ClientSecret"] = "secret",
            ["FlowCenter:Security:OpenIdConnect:DisplayName"] = "Company SSO",
            ["FlowCenter:Security:OpenIdConnect:RequireHttpsMetadata"] = "false",
        });
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = server.Client.BaseAddress };

        var page = await browser.GetStringAsync("/account/signin");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var challenge = await browser.PostAsync("/account/external", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = "/tasks" }));

        Assert.Contains("Company SSO", page, StringComparison.Ordinal);
        Assert.True(challenge.StatusCode == HttpStatusCode.Redirect, $"{challenge.StatusCode}: {server.Log}");
        var location = challenge.Headers.Location!.ToString();
        Assert.StartsWith($"http://127.0.0.1:{provider.Port}/authorize?", location, StringComparison.Ordinal);
        Assert.Contains("client_id=flowcenter", location, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", location, StringComparison.Ordinal);
    }
}
