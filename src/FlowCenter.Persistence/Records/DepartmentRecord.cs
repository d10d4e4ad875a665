namespace FlowCenter.Persistence.Records;

public sealed class DepartmentRecord
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? ParentId { get; set; }

    public string? ManagerUserName { get; set; }
}
