using System.Security.Claims;
using FlowCenter.Persistence.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FlowCenter.Server.Security;

/// <summary>Identity's claims plus the display name the Studio greets the user with.</summary>
public sealed class FlowCenterClaimsFactory(UserManager<FlowCenterUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<FlowCenterUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(FlowCenterUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName! : user.DisplayName));
        return identity;
    }
}
