namespace FlowCenter.Persistence.Records;

public sealed class AccessTokenRecord
{
    public string Id { get; set; } = "";

    public string UserName { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Comma-separated.</summary>
    public string Scopes { get; set; } = "";

    public string Prefix { get; set; } = "";

    /// <summary>HMAC-SHA256 of the secret, hex; unique.</summary>
    public string Hash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}
