using System.Security.Cryptography;
using System.Text;
using FlowCenter.Engine.Execution;
using FlowCenter.Runtime.Cases;
using Microsoft.Extensions.Options;

namespace FlowCenter.Runtime.Tokens;

/// <summary>
/// Personal access tokens for systems and scripts: a person makes one for themself (name, expiry, scopes), sees its
/// secret once, lists theirs with their last use and revokes them; Administrators list and revoke anyone's. The
/// secret is 32 random bytes, so a fast keyed hash (HMAC-SHA256) is enough to store it: checking a token costs one
/// indexed lookup, not a password hash.
/// </summary>
public sealed class AccessTokenService(IAccessTokenStore store, IIdGenerator ids, TimeProvider clock, IOptions<AccessTokenOptions> options, Audit.AuditTrail audit)
{
    /// <summary>What every secret starts with, so that it is recognised in a header or in a leaked file.</summary>
    public const string SecretPrefix = "fct_";

    /// <summary>How often a token's last use is written (not on every request).</summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.HashKey);

    public async Task<(AccessToken Token, string Secret)> CreateAsync(Caller owner, string name, IReadOnlyCollection<string> scopes, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        if (owner.UserName.Length == 0)
        {
            throw new AccessTokenException("Sign in to make a token.");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new AccessTokenException("Give the token a name of 1 to 100 characters, saying what uses it.");
        }

        var unknown = scopes.Where(s => !AccessTokenScopes.All.Contains(s)).ToList();
        if (scopes.Count == 0 || unknown.Count > 0)
        {
            throw new AccessTokenException($"Choose scopes among {string.Join(", ", AccessTokenScopes.All)}{(unknown.Count > 0 ? $"; '{string.Join("', '", unknown)}' is not one" : "")}.");
        }

        if (lifetime <= TimeSpan.Zero || lifetime > options.Value.MaxLifetime)
        {
            throw new AccessTokenException($"A token lives from a day up to {options.Value.MaxLifetime.TotalDays:0} days.");
        }

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var token = new AccessToken(ids.NewId(), owner.UserName, name.Trim(), [.. scopes.Distinct()], now, now + lifetime) { Prefix = secret[..(SecretPrefix.Length + 6)] };
        await store.AddAsync(token, Hash(secret), cancellationToken);
        await audit.RecordAsAsync(owner.UserName, "person", null, Audit.AuditActions.TokenCreated, $"token:{token.Id}", $"{token.Name}: {string.Join(", ", token.Scopes)}, until {token.ExpiresAt:yyyy-MM-dd}", cancellationToken);
        return (token, secret);
    }

    /// <summary>The token a secret belongs to, when it is live; notes its use at most once a minute.</summary>
    public async Task<AccessToken?> ValidateAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (await store.FindByHashAsync(Hash(secret), cancellationToken) is not { } token || !token.IsActive(now))
        {
            return null;
        }

        if (token.LastUsedAt is not { } used || now - used > TouchEvery)
        {
            await store.TouchAsync(token.Id, now, cancellationToken);
        }

        return token;
    }

    /// <summary>The caller's own tokens; with <paramref name="everyone"/>, an Administrator sees all.</summary>
    public Task<IReadOnlyList<AccessToken>> ListAsync(Caller caller, bool everyone = false, CancellationToken cancellationToken = default) =>
        store.ListAsync(everyone && caller.IsAdministrator ? null : caller.UserName, cancellationToken);

    /// <summary>Revokes a token of the caller's own, or anyone's for an Administrator; someone else's is "not found".</summary>
    public async Task RevokeAsync(string id, Caller caller, CancellationToken cancellationToken = default)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } token
            || (!caller.IsAdministrator && !string.Equals(token.UserName, caller.UserName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new AccessTokenException($"There is no token '{id}'.");
        }

        await store.RevokeAsync(id, caller.UserName, clock.GetUtcNow(), cancellationToken);
        await audit.RecordAsAsync(caller.UserName, "person", null, Audit.AuditActions.TokenRevoked, $"token:{id}", $"{token.Name} of {token.UserName}", cancellationToken);
    }

    /// <summary>The keyed hash a secret is stored and looked up by.</summary>
    public string Hash(string secret) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
