using FlowCenter.Runtime.Organization;

namespace FlowCenter.Studio.Admin;

/// <summary>A user being edited on the organisation page.</summary>
public sealed class UserForm
{
    public UserForm()
    {
    }

    public UserForm(Person person)
    {
        (UserName, DisplayName, Email, DepartmentId, PositionId, ManagerUserName, Active) =
            (person.UserName, person.DisplayName, person.Email, person.DepartmentId, person.PositionId, person.ManagerUserName, person.Active);
        Roles = [.. person.Roles];
    }

    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? Email { get; set; }

    public string? DepartmentId { get; set; }

    public string? PositionId { get; set; }

    public string? ManagerUserName { get; set; }

    public IReadOnlyCollection<string> Roles { get; set; } = [];

    public bool Active { get; set; } = true;

    public Person ToPerson() => new(UserName.Trim(), string.IsNullOrWhiteSpace(DisplayName) ? UserName.Trim() : DisplayName.Trim())
    {
        Email = Email, DepartmentId = DepartmentId, PositionId = PositionId, ManagerUserName = ManagerUserName, Roles = [.. Roles], Active = Active,
    };
}
