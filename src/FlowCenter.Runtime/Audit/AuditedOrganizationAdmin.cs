using FlowCenter.Runtime.Organization;

namespace FlowCenter.Runtime.Audit;

/// <summary>The organisation's changes, each written to the audit log after it was made (a user's roles and state, never a password).</summary>
public sealed class AuditedOrganizationAdmin(IOrganizationAdmin inner, IDirectory directory, AuditTrail audit) : IOrganizationAdmin
{
    private const string Prefix = AuditActions.OrganizationChanged;

    public async Task SaveDepartmentAsync(Department department, CancellationToken cancellationToken = default)
    {
        await inner.SaveDepartmentAsync(department, cancellationToken);
        await audit.RecordAsync(Prefix + "department.save", $"department:{department.Id}", $"{department.Name}, parent {department.ParentId ?? "-"}, head {department.ManagerUserName ?? "-"}", cancellationToken);
    }

    public async Task DeleteDepartmentAsync(string id, CancellationToken cancellationToken = default)
    {
        await inner.DeleteDepartmentAsync(id, cancellationToken);
        await audit.RecordAsync(Prefix + "department.delete", $"department:{id}", null, cancellationToken);
    }

    public async Task SavePositionAsync(Position position, CancellationToken cancellationToken = default)
    {
        await inner.SavePositionAsync(position, cancellationToken);
        await audit.RecordAsync(Prefix + "position.save", $"position:{position.Id}", position.Name, cancellationToken);
    }

    public async Task DeletePositionAsync(string id, CancellationToken cancellationToken = default)
    {
        await inner.DeletePositionAsync(id, cancellationToken);
        await audit.RecordAsync(Prefix + "position.delete", $"position:{id}", null, cancellationToken);
    }

    public async Task SaveUserAsync(Person person, string? password = null, CancellationToken cancellationToken = default)
    {
        var before = await directory.FindAsync(person.UserName, cancellationToken);
        await inner.SaveUserAsync(person, password, cancellationToken);
        await audit.RecordAsync(Prefix + "user.save", $"user:{person.UserName}",
            $"{Describe(before)} → {Describe(person)}{(password is { Length: > 0 } ? "; password set" : "")}", cancellationToken);
    }

    public async Task DeleteUserAsync(string userName, CancellationToken cancellationToken = default)
    {
        var before = await directory.FindAsync(userName, cancellationToken);
        await inner.DeleteUserAsync(userName, cancellationToken);
        await audit.RecordAsync(Prefix + "user.delete", $"user:{userName}", Describe(before), cancellationToken);
    }

    public async Task<ImportSummary> ImportAsync(OrganizationSnapshot snapshot, string? initialPassword, CancellationToken cancellationToken = default)
    {
        var summary = await inner.ImportAsync(snapshot, initialPassword, cancellationToken);
        await audit.RecordAsync(Prefix + "import", "organization",
            $"{summary.Departments} departments, {summary.Positions} positions, {summary.UsersAdded} users added, {summary.UsersUpdated} updated: {string.Join(", ", snapshot.Users.Take(50).Select(u => $"{u.UserName} [{string.Join("/", u.Roles)}]{(u.Active ? "" : " inactive")}"))}",
            cancellationToken);
        return summary;
    }

    private static string Describe(Person? person) => person is null
        ? "(none)"
        : $"{person.DisplayName} [{string.Join("/", person.Roles)}]{(person.Active ? "" : " inactive")}, department {person.DepartmentId ?? "-"}, manager {person.ManagerUserName ?? "-"}";
}
