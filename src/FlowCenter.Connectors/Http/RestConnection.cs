using System.Net.Http.Headers;
using System.Text;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Http;

/// <summary>
/// What a REST connection adds to a call: the address (a relative URL is taken from its base URL), the check that
/// the host is allowed, and the credentials (basic, bearer, API key, OAuth2 client credentials).
/// </summary>
public sealed class RestConnection(OAuthTokens tokens)
{
    /// <summary>The address of a call: absolute, or relative to the connection's base URL (its <paramref name="baseSetting"/>), on an allowed host.</summary>
    public static Uri Resolve(Connection connection, string url, string baseSetting = "baseUrl")
    {
        var baseUrl = JsonValues.ToText(connection.Settings[baseSetting]);
        Uri? address;
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            address = absolute;
        }
        else if (baseUrl is not null && Uri.TryCreate(new Uri(baseUrl.TrimEnd('/') + "/"), url.TrimStart('/'), out var relative))
        {
            address = relative;
        }
        else
        {
            throw new ConnectionException($"'{url}' is not an address, and connection '{connection.Name}' has no base URL to add it to.");
        }

        var allowed = connection.AllowedHosts.Concat(baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) ? [b.Host] : []);
        if (!allowed.Contains(address.Host, StringComparer.OrdinalIgnoreCase))
        {
            throw new ConnectionException($"Connection '{connection.Name}' does not allow calls to {address.Host}; it allows {string.Join(", ", allowed.DefaultIfEmpty("no host"))}.");
        }

        return address;
    }

    public async Task AuthenticateAsync(Connection connection, HttpRequestMessage request, HttpClient client, CancellationToken cancellationToken)
    {
        string Secret(string name) => connection.Secrets.GetValueOrDefault(name)
            ?? throw new ConnectionException($"Connection '{connection.Name}' has no secret '{name}'.");
        string Setting(string name) => JsonValues.ToText(connection.Settings[name])
            ?? throw new ConnectionException($"Connection '{connection.Name}' has no setting '{name}'.");

        switch (JsonValues.ToText(connection.Settings["auth"]) ?? "none")
        {
            case "basic":
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Setting("userName")}:{Secret("password")}")));
                break;
            case "bearer":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret("token"));
                break;
            case "apiKey":
                request.Headers.TryAddWithoutValidation(JsonValues.ToText(connection.Settings["apiKeyHeader"]) ?? "X-Api-Key", Secret("apiKey"));
                break;
            case "oauth2":
                var token = await tokens.GetAsync(client, new Uri(Setting("tokenUrl")), Setting("clientId"), Secret("clientSecret"), JsonValues.ToText(connection.Settings["scope"]), cancellationToken);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                break;
            case "none":
                break;
            case var other:
                throw new ConnectionException($"Connection '{connection.Name}' has an unknown auth type '{other}' (none, basic, bearer, apiKey or oauth2).");
        }
    }
}
