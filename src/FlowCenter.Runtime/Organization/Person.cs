namespace FlowCenter.Runtime.Organization;

/// <summary>A user as the organisation sees them: where they sit, whom they report to, what roles they have.</summary>
public sealed record Person(string UserName, string DisplayName)
{
    public string? Email { get; init; }

    public string? DepartmentId { get; init; }

    public string? PositionId { get; init; }

    /// <summary>The user name of this person's manager.</summary>
    public string? ManagerUserName { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public bool Active { get; init; } = true;
}
