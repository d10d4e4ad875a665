namespace FlowCenter.Runtime.Organization;

/// <summary>A unit of the organisation; departments form a tree through <see cref="ParentId"/>.</summary>
public sealed record Department(string Id, string Name, string? ParentId = null, string? ManagerUserName = null);
