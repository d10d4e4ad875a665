using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Http;

/// <summary>OAuth2 client-credentials tokens, fetched once and reused until a minute before they expire.</summary>
public sealed class OAuthTokens(TimeProvider clock)
{
    private readonly ConcurrentDictionary<(Uri TokenUrl, string ClientId, string? Scope), (string Token, DateTimeOffset Until)> _tokens = new();

    public async Task<string> GetAsync(HttpClient client, Uri tokenUrl, string clientId, string clientSecret, string? scope, CancellationToken cancellationToken)
    {
        var key = (tokenUrl, clientId, scope);
        if (_tokens.TryGetValue(key, out var cached) && cached.Until > clock.GetUtcNow())
        {
            return cached.Token;
        }

        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret };
        if (scope is { Length: > 0 })
        {
            form["scope"] = scope;
        }

        using var response = await client.PostAsync(tokenUrl, new FormUrlEncodedContent(form), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectionException($"The token endpoint {tokenUrl} answered {(int)response.StatusCode} for client '{clientId}'.");
        }

        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        var token = answer?["access_token"]?.GetValue<string>() ?? throw new ConnectionException($"The token endpoint {tokenUrl} gave no access_token.");
        var seconds = answer["expires_in"] is { } expires ? Engine.Json.JsonValues.NumberOf(expires) : 300;
        _tokens[key] = (token, clock.GetUtcNow().AddSeconds(Math.Max(0, seconds - 60)));
        return token;
    }
}
