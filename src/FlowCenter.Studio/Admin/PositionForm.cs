using FlowCenter.Runtime.Organization;

namespace FlowCenter.Studio.Admin;

/// <summary>A position being added or edited.</summary>
public sealed class PositionForm
{
    public PositionForm()
    {
    }

    public PositionForm(Position position) => (Id, Name, DepartmentId) = (position.Id, position.Name, position.DepartmentId);

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? DepartmentId { get; set; }

    public Position ToPosition() => new(Id.Trim(), Name.Trim(), DepartmentId);
}
