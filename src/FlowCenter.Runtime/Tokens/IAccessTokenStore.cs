namespace FlowCenter.Runtime.Tokens;

/// <summary>Where personal access tokens are kept: their listing data and the keyed hash of each secret.</summary>
public interface IAccessTokenStore
{
    Task AddAsync(AccessToken token, string hash, CancellationToken cancellationToken = default);

    Task<AccessToken?> FindByHashAsync(string hash, CancellationToken cancellationToken = default);

    Task<AccessToken?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>One person's tokens, or everyone's when <paramref name="userName"/> is null; newest first.</summary>
    Task<IReadOnlyList<AccessToken>> ListAsync(string? userName, CancellationToken cancellationToken = default);

    Task<bool> RevokeAsync(string id, string by, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task TouchAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);
}
