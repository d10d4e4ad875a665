using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace FlowCenter.Studio.Tasks;

/// <summary>The signed-in user of this circuit: name, display name and roles.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public async Task<UserInfo> GetAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var name = user.Identity?.Name ?? "";
        return new UserInfo(name, user.FindFirst("display_name")?.Value ?? name, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
    }

    /// <summary>The signed-in user as the services take them.</summary>
    public async Task<Runtime.Cases.Caller> CallerAsync()
    {
        var user = await GetAsync();
        return new Runtime.Cases.Caller(user.Name, user.Roles);
    }
}
