using FlowCenter.Runtime.Organization;
using Microsoft.Extensions.DependencyInjection;
using static FlowCenter.Runtime.Tests.Tasks.TaskTestSupport;

namespace FlowCenter.Runtime.Tests.Organization;

/// <summary>An import changes only what its file contains, says what people lose, and never leaves no administrator.</summary>
public sealed class OrganizationImportTests
{
    [Fact]
    public async Task Import_WithoutAColumn_LeavesThatFieldAlone()
    {
        await using var harness = await HarnessAsync();
        var directory = harness.Services.GetRequiredService<IDirectory>();

        await harness.Organization.ImportAsync(OrganizationFile.Parse("names.csv", "userName,displayName\na1,Accountant One\nadmin,Admin\n"), null);

        var a1 = (await directory.FindAsync("a1"))!;
        Assert.Equal("Accountant One", a1.DisplayName);
        Assert.Equal(["Finance"], a1.Roles);
        Assert.Equal(("fin", "accountant", "boss"), (a1.DepartmentId, a1.PositionId, a1.ManagerUserName));
        Assert.Contains(Roles.Administrator, (await directory.FindAsync("admin"))!.Roles);
    }

    [Fact]
    public async Task Import_ThatRemovesTheLastAdministrator_IsRefused_AndLossesArePreviewed()
    {
        await using var harness = await HarnessAsync();
        var directory = harness.Services.GetRequiredService<IDirectory>();
        var existing = new OrganizationSnapshot { Users = [.. await directory.ListUsersAsync()] };
        var file = OrganizationFile.Parse("roles.csv", "userName,roles,active\nadmin,,true\na1,,false\n");

        var losses = OrganizationRules.Losses(existing, file);
        var refused = await Assert.ThrowsAsync<OrganizationException>(() => harness.Organization.ImportAsync(file, null));

        Assert.Contains("admin loses the role Administrator", losses);
        Assert.Contains("a1 loses the role Finance and is deactivated", losses);
        Assert.Contains("no active Administrator would be left", refused.Message, StringComparison.Ordinal);
        Assert.Contains(Roles.Administrator, (await directory.FindAsync("admin"))!.Roles);
        Assert.True((await directory.FindAsync("a1"))!.Active);
    }
}
