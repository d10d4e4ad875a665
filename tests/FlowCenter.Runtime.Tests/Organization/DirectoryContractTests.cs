using FlowCenter.Persistence;
using FlowCenter.Persistence.Records;
using FlowCenter.Persistence.Stores;
using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;

namespace FlowCenter.Runtime.Tests.Organization;

/// <summary>The organisation model on every provider: import, read back, refuse broken changes whole.</summary>
public sealed class DirectoryContractTests
{
    private static OrganizationSnapshot Sample() => new()
    {
        Departments = [new("hq", "总经办"), new("buy", "采购部", "hq", "li.na"), new("buy-east", "华东采购", "buy")],
        Positions = [new("buyer", "采购员", "buy")],
        Users =
        [
            new("boss", "陈杰") { DepartmentId = "hq" },
            new("li.na", "李娜") { DepartmentId = "buy", ManagerUserName = "boss", Roles = ["Designer", "Purchasing"] },
            new("zhang.wei", "张伟") { DepartmentId = "buy-east", PositionId = "buyer", ManagerUserName = "li.na", Email = "zw@example.com" },
        ],
    };

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task Import_ThenRead_GivesTheTreeManagersAndRoles(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var directory = new EfDirectory(database.Contexts, new PasswordHasher<FlowCenterUser>());

        var summary = await directory.ImportAsync(Sample(), "secret-password");

        Assert.Equal(new ImportSummary(3, 1, 3, 0), summary);
        var zhang = await directory.FindAsync("ZHANG.WEI");
        Assert.Equal(("张伟", "buy-east", "buyer", "li.na", "zw@example.com"), (zhang!.DisplayName, zhang.DepartmentId, zhang.PositionId, zhang.ManagerUserName, zhang.Email));
        Assert.Equal(["Designer", "Purchasing"], (await directory.FindAsync("li.na"))!.Roles);
        Assert.Equal("buy", (await directory.ListDepartmentsAsync()).Single(d => d.Id == "buy-east").ParentId);
        Assert.Contains("Purchasing", await directory.ListRolesAsync());
        Assert.Contains(Roles.Operator, await directory.ListRolesAsync());

        // Importing again updates in place and replaces a user's roles with those listed.
        var again = Sample();
        again.Users[1] = again.Users[1] with { Roles = ["Operator"] };
        Assert.Equal(new ImportSummary(3, 1, 0, 3), await directory.ImportAsync(again, null));
        Assert.Equal(["Operator"], (await directory.FindAsync("li.na"))!.Roles);
    }

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task Import_WithProblems_ReportsEveryOneAndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var directory = new EfDirectory(database.Contexts, new PasswordHasher<FlowCenterUser>());
        await directory.ImportAsync(Sample(), "secret-password");
        var broken = new OrganizationSnapshot
        {
            Departments = [new("hq", "总经办", "buy-east"), new("new", "新部门", "nowhere")],
            Users = [new("boss", "陈杰") { ManagerUserName = "zhang.wei" }, new("ghost", "幽灵") { ManagerUserName = "nobody" }],
        };

        var error = await Assert.ThrowsAsync<OrganizationException>(() => directory.ImportAsync(broken, "secret-password"));

        Assert.Contains(error.Problems, p => p.Contains("department 'hq' is its own ancestor", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("department 'new': parent 'nowhere' does not exist", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("user 'boss' would be their own manager", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("user 'ghost': manager 'nobody' is not a user", StringComparison.Ordinal));
        Assert.Null((await directory.ListDepartmentsAsync()).Single(d => d.Id == "hq").ParentId);
        Assert.Null(await directory.FindAsync("ghost"));
        Assert.DoesNotContain((await directory.ListDepartmentsAsync()), d => d.Id == "new");
    }

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task Delete_RefusesWhatIsStillInUse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var directory = new EfDirectory(database.Contexts, new PasswordHasher<FlowCenterUser>());
        await directory.ImportAsync(Sample(), "secret-password");

        await Assert.ThrowsAsync<OrganizationException>(() => directory.DeleteDepartmentAsync("buy"));
        await Assert.ThrowsAsync<OrganizationException>(() => directory.DeleteUserAsync("li.na"));
        await Assert.ThrowsAsync<OrganizationException>(() => directory.DeletePositionAsync("buyer"));
        await directory.DeleteUserAsync("zhang.wei");
        await directory.DeletePositionAsync("buyer");

        Assert.Null(await directory.FindAsync("zhang.wei"));
        Assert.Empty(await directory.ListPositionsAsync());
    }
}
