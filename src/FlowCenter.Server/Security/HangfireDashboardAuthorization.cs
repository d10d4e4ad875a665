using FlowCenter.Runtime.Organization;
using Hangfire.Dashboard;

namespace FlowCenter.Server.Security;

/// <summary>The Hangfire dashboard is for administrators only.</summary>
public sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Administrator);
}
