namespace FlowCenter.Runtime.Tokens;

/// <summary>Personal access tokens: the key of their hash, their longest life.</summary>
public sealed class AccessTokenOptions
{
    /// <summary>
    /// The HMAC key the secrets are hashed with. Set it (<c>FlowCenter:Security:TokenHashKey</c>) in production and
    /// keep it out of the database, so that a copy of the database alone cannot check guessed tokens.
    /// </summary>
    public string HashKey { get; set; } = "FlowCenter personal access tokens";

    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(366);
}
