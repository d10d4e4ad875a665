namespace FlowCenter.Runtime.Organization;

/// <summary>Where each person's out-of-office rules are kept.</summary>
public interface IDelegationStore
{
    Task<IReadOnlyList<DelegationRule>> ListAsync(string userName, CancellationToken cancellationToken = default);

    Task<DelegationRule> AddAsync(DelegationRule rule, CancellationToken cancellationToken = default);

    /// <summary>Removes one of <paramref name="userName"/>'s own rules.</summary>
    Task DeleteAsync(long id, string userName, CancellationToken cancellationToken = default);

    /// <summary>The rule in force for a user's task of a process at a moment, if any (a process's own rule first).</summary>
    Task<DelegationRule?> FindActiveAsync(string userName, string definitionId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
