using System.Text.Json.Nodes;

namespace FlowCenter.Runtime.Connections;

/// <summary>
/// A named way to reach another system, used by name from connector activities: its settings (base URL, auth
/// type, endpoint...), its secrets (kept encrypted, never shown again, never journalled) and the hosts calls through
/// it may go to.
/// </summary>
public sealed record Connection(string Name, ConnectionKind Kind)
{
    public string? Description { get; init; }

    /// <summary>Plain settings, e.g. <c>{ "baseUrl": "...", "auth": "bearer" }</c>.</summary>
    public JsonObject Settings { get; init; } = [];

    /// <summary>Secrets by name (password, token, apiKey, clientSecret); empty when read for a list.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();

    /// <summary>The names of the secrets that are set (to show "set" without showing them).</summary>
    public IReadOnlyList<string> SecretNames { get; init; } = [];

    /// <summary>Hosts calls through this connection may reach besides its base address's; empty allows that one only.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    public DateTimeOffset UpdatedAt { get; init; }
}
