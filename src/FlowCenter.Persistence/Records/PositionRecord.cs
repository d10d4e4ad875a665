namespace FlowCenter.Persistence.Records;

public sealed class PositionRecord
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? DepartmentId { get; set; }
}
