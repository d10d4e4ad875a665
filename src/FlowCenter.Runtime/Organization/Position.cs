namespace FlowCenter.Runtime.Organization;

/// <summary>A post people hold (buyer, finance director), optionally within one department.</summary>
public sealed record Position(string Id, string Name, string? DepartmentId = null);
