using FlowCenter.Persistence;
using FlowCenter.Runtime.Audit;
using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCenter.Runtime.Tests.Organization;

/// <summary>Out-of-office rules send a person's tasks elsewhere: setting and removing one goes to the audit log.</summary>
public sealed class DelegationAuditTests
{
    [Fact]
    public async Task OutOfOfficeRule_SetAndRemoved_AreBothInTheAuditLog()
    {
        await using var harness = await RuntimeHarness.CreateAsync(DatabaseProvider.Sqlite);
        var from = RuntimeHarness.Epoch;

        var rule = await harness.Delegations.AddAsync(new DelegationRule(0, "li.na", "wang.fang", from, from.AddDays(7), "purchase-request"));
        await harness.Delegations.DeleteAsync(rule.Id, "li.na");

        var entries = (await harness.Services.GetRequiredService<IAuditStore>().QueryAsync(new AuditQuery { Action = "delegation." })).Items;
        Assert.Equal([AuditActions.DelegationDeleted, AuditActions.DelegationAdded], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("user:li.na", e.Target));
        Assert.All(entries, e => Assert.Contains("tasks of purchase-request to wang.fang", e.Detail, StringComparison.Ordinal));
        Assert.Empty(await harness.Delegations.ListAsync("li.na"));
    }
}
