using FlowCenter.Runtime.Organization;

namespace FlowCenter.Runtime.Audit;

/// <summary>Out-of-office rules in the audit log: they send a person's tasks to someone else, so who set which and when is kept.</summary>
public sealed class AuditedDelegationStore(IDelegationStore inner, AuditTrail audit) : IDelegationStore
{
    public Task<IReadOnlyList<DelegationRule>> ListAsync(string userName, CancellationToken cancellationToken = default) => inner.ListAsync(userName, cancellationToken);

    public Task<DelegationRule?> FindActiveAsync(string userName, string definitionId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        inner.FindActiveAsync(userName, definitionId, at, cancellationToken);

    public async Task<DelegationRule> AddAsync(DelegationRule rule, CancellationToken cancellationToken = default)
    {
        var added = await inner.AddAsync(rule, cancellationToken);
        await audit.RecordAsync(AuditActions.DelegationAdded, $"user:{added.UserName}", Describe(added), cancellationToken);
        return added;
    }

    public async Task DeleteAsync(long id, string userName, CancellationToken cancellationToken = default)
    {
        var rule = (await inner.ListAsync(userName, cancellationToken)).FirstOrDefault(r => r.Id == id);
        await inner.DeleteAsync(id, userName, cancellationToken);
        await audit.RecordAsync(AuditActions.DelegationDeleted, $"user:{userName}", rule is null ? $"rule {id}" : Describe(rule), cancellationToken);
    }

    private static string Describe(DelegationRule rule) =>
        $"tasks{(rule.DefinitionId is { Length: > 0 } process ? $" of {process}" : "")} to {rule.DelegateTo}, {rule.From:u} to {rule.Until:u}";
}
