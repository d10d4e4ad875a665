using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Tokens;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Stores;

/// <summary>Personal access tokens on the FlowCenter database: listing data and the keyed hash of each secret.</summary>
public sealed class EfAccessTokenStore(FlowCenterDbContextFactory contexts) : IAccessTokenStore
{
    public async Task AddAsync(AccessToken token, string hash, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        db.AccessTokens.Add(new AccessTokenRecord
        {
            Id = token.Id, UserName = token.UserName, Name = token.Name, Scopes = string.Join(",", token.Scopes), Prefix = token.Prefix, Hash = hash,
            CreatedAt = token.CreatedAt.ToUniversalTime(), ExpiresAt = token.ExpiresAt.ToUniversalTime(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AccessToken?> FindByHashAsync(string hash, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.AccessTokens.AsNoTracking().Where(t => t.Hash == hash).Select(t => ToToken(t)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<AccessToken?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.AccessTokens.AsNoTracking().Where(t => t.Id == id).Select(t => ToToken(t)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AccessToken>> ListAsync(string? userName, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = db.AccessTokens.AsNoTracking();
        if (userName is not null)
        {
            rows = rows.Where(t => t.UserName == userName);
        }

        return (await rows.OrderByDescending(t => t.CreatedAt).Take(1000).ToListAsync(cancellationToken)).ConvertAll(ToToken);
    }

    public async Task<bool> RevokeAsync(string id, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var when = at.ToUniversalTime();
        return await db.AccessTokens.Where(t => t.Id == id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, when).SetProperty(t => t.RevokedBy, by), cancellationToken) > 0;
    }

    public async Task TouchAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var when = at.ToUniversalTime();
        await db.AccessTokens.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, when), cancellationToken);
    }

    private static AccessToken ToToken(AccessTokenRecord t) =>
        new(t.Id, t.UserName, t.Name, t.Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries), t.CreatedAt, t.ExpiresAt)
        {
            Prefix = t.Prefix, LastUsedAt = t.LastUsedAt, RevokedAt = t.RevokedAt, RevokedBy = t.RevokedBy,
        };
}
