namespace FlowCenter.Runtime.Organization;

/// <summary>Changes the organisation model: what the admin pages and the imports do.</summary>
public interface IOrganizationAdmin
{
    Task SaveDepartmentAsync(Department department, CancellationToken cancellationToken = default);

    Task DeleteDepartmentAsync(string id, CancellationToken cancellationToken = default);

    Task SavePositionAsync(Position position, CancellationToken cancellationToken = default);

    Task DeletePositionAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Creates or updates a user; a new user needs a password, an existing one keeps theirs unless one is given.</summary>
    Task SaveUserAsync(Person person, string? password = null, CancellationToken cancellationToken = default);

    Task DeleteUserAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds or updates everything in <paramref name="snapshot"/> in one transaction, after checking it whole:
    /// a problem anywhere (unknown parent, manager or role, a cycle) changes nothing.
    /// </summary>
    Task<ImportSummary> ImportAsync(OrganizationSnapshot snapshot, string? initialPassword, CancellationToken cancellationToken = default);
}
