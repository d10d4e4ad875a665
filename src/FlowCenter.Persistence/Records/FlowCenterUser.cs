using Microsoft.AspNetCore.Identity;

namespace FlowCenter.Persistence.Records;

/// <summary>A local account (ASP.NET Core Identity) with its place in the organisation.</summary>
public sealed class FlowCenterUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public string? DepartmentId { get; set; }

    public string? PositionId { get; set; }

    public string? ManagerUserName { get; set; }

    public bool Active { get; set; } = true;
}
