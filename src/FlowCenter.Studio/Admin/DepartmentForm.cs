using FlowCenter.Runtime.Organization;

namespace FlowCenter.Studio.Admin;

/// <summary>A department being added or edited.</summary>
public sealed class DepartmentForm
{
    public DepartmentForm()
    {
    }

    public DepartmentForm(Department department) =>
        (Id, Name, ParentId, ManagerUserName) = (department.Id, department.Name, department.ParentId, department.ManagerUserName);

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? ParentId { get; set; }

    public string? ManagerUserName { get; set; }

    public Department ToDepartment() => new(Id.Trim(), Name.Trim(), ParentId, ManagerUserName);
}
