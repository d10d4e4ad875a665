namespace FlowCenter.Runtime.Tokens;

/// <summary>
/// A personal access token as listed: whose, what for, which scopes, until when. The secret itself is shown once
/// when the token is made and kept only as a keyed hash.
/// </summary>
public sealed record AccessToken(string Id, string UserName, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>The secret's first characters, so that its owner can tell tokens apart.</summary>
    public string Prefix { get; init; } = "";

    public DateTimeOffset? LastUsedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedBy { get; init; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}
