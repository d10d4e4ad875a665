namespace FlowCenter.Runtime.Organization;

/// <summary>Who is who: reads the organisation model for task assignment and the pages that show people.</summary>
public interface IDirectory
{
    Task<Person?> FindAsync(string userName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Person>> ListUsersAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Department>> ListDepartmentsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Position>> ListPositionsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> ListRolesAsync(CancellationToken cancellationToken = default);
}
