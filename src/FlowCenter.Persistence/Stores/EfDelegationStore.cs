using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Organization;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Stores;

public sealed class EfDelegationStore(FlowCenterDbContextFactory contexts) : IDelegationStore
{
    public async Task<IReadOnlyList<DelegationRule>> ListAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return (await db.Delegations.AsNoTracking().Where(d => d.UserName == userName).OrderBy(d => d.From).ToListAsync(cancellationToken)).ConvertAll(ToRule);
    }

    public async Task<DelegationRule> AddAsync(DelegationRule rule, CancellationToken cancellationToken = default)
    {
        if (rule.Until <= rule.From)
        {
            throw new OrganizationException("The end of an out-of-office period must come after its start.");
        }

        if (string.Equals(rule.UserName, rule.DelegateTo, StringComparison.OrdinalIgnoreCase))
        {
            throw new OrganizationException("Choose someone other than yourself to act for you.");
        }

        await using var db = contexts.CreateDbContext();
        var record = new DelegationRecord { UserName = rule.UserName, DelegateTo = rule.DelegateTo, From = rule.From, Until = rule.Until, DefinitionId = string.IsNullOrWhiteSpace(rule.DefinitionId) ? null : rule.DefinitionId };
        db.Delegations.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return ToRule(record);
    }

    public async Task DeleteAsync(long id, string userName, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await db.Delegations.Where(d => d.Id == id && d.UserName == userName).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<DelegationRule?> FindActiveAsync(string userName, string definitionId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rules = await db.Delegations.AsNoTracking()
            .Where(d => d.UserName == userName && d.From <= at && d.Until > at && (d.DefinitionId == null || d.DefinitionId == definitionId))
            .ToListAsync(cancellationToken);
        return rules.OrderBy(d => d.DefinitionId is null).ThenByDescending(d => d.From).Select(ToRule).FirstOrDefault();
    }

    private static DelegationRule ToRule(DelegationRecord d) => new(d.Id, d.UserName, d.DelegateTo, d.From, d.Until, d.DefinitionId);
}
