namespace FlowCenter.Runtime.Organization;

/// <summary>The fields of a user an import may give, by the name they have in JSON.</summary>
public static class UserField
{
    public const string DisplayName = "displayName";
    public const string Email = "email";
    public const string Department = "departmentId";
    public const string Position = "positionId";
    public const string Manager = "managerUserName";
    public const string Roles = "roles";
    public const string Active = "active";

    public static IReadOnlyList<string> All { get; } = [DisplayName, Email, Department, Position, Manager, Roles, Active];

    /// <summary>The field a CSV column gives, or null for a column that is no user field.</summary>
    public static string? FromCsvColumn(string column) => column switch
    {
        "displayname" => DisplayName,
        "email" => Email,
        "department" => Department,
        "position" => Position,
        "manager" => Manager,
        "roles" => Roles,
        "active" => Active,
        _ => null,
    };

    /// <summary>An existing user with the incoming one's values for the fields given, and their own for the rest.</summary>
    public static Person Overlay(Person? existing, Person incoming, OrganizationSnapshot source)
    {
        if (existing is null)
        {
            return incoming;
        }

        return existing with
        {
            DisplayName = source.Gives(DisplayName) && incoming.DisplayName.Length > 0 ? incoming.DisplayName : existing.DisplayName,
            Email = source.Gives(Email) ? incoming.Email : existing.Email,
            DepartmentId = source.Gives(Department) ? incoming.DepartmentId : existing.DepartmentId,
            PositionId = source.Gives(Position) ? incoming.PositionId : existing.PositionId,
            ManagerUserName = source.Gives(Manager) ? incoming.ManagerUserName : existing.ManagerUserName,
            Roles = source.Gives(Roles) ? incoming.Roles : existing.Roles,
            Active = source.Gives(Active) ? incoming.Active : existing.Active,
        };
    }
}
