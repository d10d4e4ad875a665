namespace FlowCenter.Runtime.Organization;

/// <summary>A whole organisation (or part of one) as imported from JSON or CSV.</summary>
public sealed class OrganizationSnapshot
{
    public List<Department> Departments { get; init; } = [];

    public List<Position> Positions { get; init; } = [];

    public List<Person> Users { get; init; } = [];

    /// <summary>
    /// The user fields the source gives (<see cref="UserField"/> names); null when it gives them all. An existing
    /// user keeps every field the source does not give: a CSV without a roles column leaves everyone's roles alone.
    /// </summary>
    public IReadOnlySet<string>? UserFields { get; init; }

    public bool Gives(string field) => UserFields is null || UserFields.Contains(field);
}
