namespace FlowCenter.Server.Security;

/// <summary>The "FlowCenter:Security" section: demo accounts and optional OpenID Connect sign-in.</summary>
public sealed class SecurityOptions
{
    /// <summary>Seeds a demo organisation with a user for each role when the database has no users yet.</summary>
    public bool SeedDemoUsers { get; set; }

    /// <summary>The password of the demo users; only the demo (<c>./run.sh</c>) sets one.</summary>
    public string? DemoPassword { get; set; }

    /// <summary>The first administrator, made at start-up when the database has no administrator yet.</summary>
    public InitialAdministratorSettings InitialAdministrator { get; set; } = new();

    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();

    /// <summary>Behind a reverse proxy on this machine that ends TLS: take its X-Forwarded-Proto and X-Forwarded-For.</summary>
    public bool BehindProxy { get; set; }
}
