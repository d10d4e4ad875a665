namespace FlowCenter.Runtime.Organization;

/// <summary>
/// A person's out-of-office rules (who acts for them, when, for which process), for the Studio's page: a person
/// lists, adds and removes only their own. The store refuses a period that ends before it starts and oneself as
/// the stand-in (<see cref="OrganizationException"/>).
/// </summary>
public sealed class OutOfOffice(IDelegationStore store, IDirectory directory)
{
    public Task<IReadOnlyList<DelegationRule>> ListAsync(string user, CancellationToken cancellationToken = default) => store.ListAsync(user, cancellationToken);

    public async Task<DelegationRule> AddAsync(string user, string standIn, DateTimeOffset from, DateTimeOffset until, string? definitionId, CancellationToken cancellationToken = default)
    {
        if (await directory.FindAsync(standIn, cancellationToken) is not { Active: true } person)
        {
            throw new OrganizationException($"There is no active user '{standIn}' to act for you.");
        }

        return await store.AddAsync(new DelegationRule(0, user, person.UserName, from, until, definitionId), cancellationToken);
    }

    public Task DeleteAsync(string user, long id, CancellationToken cancellationToken = default) => store.DeleteAsync(id, user, cancellationToken);
}
