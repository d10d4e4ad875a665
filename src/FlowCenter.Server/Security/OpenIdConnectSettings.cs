namespace FlowCenter.Server.Security;

/// <summary>
/// Sign-in with an OpenID Connect provider (Keycloak, Entra ID, Authing...), on when an authority is set. A
/// person signing in this way is matched to the local user of the same user name (the preferred_username claim,
/// else the e-mail), whose roles and place in the organisation apply; unknown people are turned away.
/// </summary>
public sealed class OpenIdConnectSettings
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The button's text on the sign-in page.</summary>
    public string DisplayName { get; set; } = "Single sign-on";

    /// <summary>Whether the provider's metadata must come over HTTPS; off only for a provider on this machine.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
