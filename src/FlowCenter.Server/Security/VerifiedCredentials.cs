using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using FlowCenter.Persistence.Records;
using Microsoft.AspNetCore.Identity;

namespace FlowCenter.Server.Security;

/// <summary>
/// A short-lived memory of credentials this node verified (a Basic password, a token) with the principal they
/// gave, so that a script's next request does not pay the password hash again. Each use still reads the account
/// (one indexed query): a password change, deactivation or role change renews its security stamp, and an entry
/// whose stamp no longer matches is dropped at once, on every node. Keys are HMACs under a key of this process,
/// so the memory holds no password.
/// </summary>
public sealed class VerifiedCredentials(TimeProvider clock)
{
    private const int MaxEntries = 10_000;

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public string KeyOf(string scheme, string credentials) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(scheme + "\0" + credentials)));

    /// <summary>The principal remembered for this key, if its account is unchanged since; else null (and forgotten).</summary>
    public async Task<ClaimsPrincipal?> FindAsync(string key, UserManager<FlowCenterUser> users)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt <= clock.GetUtcNow()
            || await users.FindByIdAsync(entry.UserId) is not { Active: true } user
            || !string.Equals(user.SecurityStamp, entry.SecurityStamp, StringComparison.Ordinal))
        {
            _entries.TryRemove(key, out _);
            return null;
        }

        return entry.Principal;
    }

    public void Remember(string key, FlowCenterUser user, ClaimsPrincipal principal)
    {
        if (_entries.Count >= MaxEntries)
        {
            var now = clock.GetUtcNow();
            foreach (var old in _entries.Where(e => e.Value.ExpiresAt <= now).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(old, out _);
            }

            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }
        }

        _entries[key] = new Entry(user.Id, user.SecurityStamp ?? "", principal, clock.GetUtcNow() + Lifetime);
    }

    private sealed record Entry(string UserId, string SecurityStamp, ClaimsPrincipal Principal, DateTimeOffset ExpiresAt);
}
