namespace FlowCenter.Runtime.Organization;

/// <summary>A whole organisation (or part of one) as imported from JSON or CSV.</summary>
public sealed class OrganizationSnapshot
{
    public List<Department> Departments { get; init; } = [];

    public List<Position> Positions { get; init; } = [];

    public List<Person> Users { get; init; } = [];
}
