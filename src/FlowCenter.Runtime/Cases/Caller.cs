using System.Security.Claims;

namespace FlowCenter.Runtime.Cases;

/// <summary>The person a service acts for: their user name and roles, as signed in.</summary>
public sealed record Caller(string UserName, IReadOnlyCollection<string> Roles)
{
    /// <summary>Operators and Administrators see every case.</summary>
    public bool IsOperator => HasRole(Organization.Roles.Operator) || HasRole(Organization.Roles.Administrator);

    /// <summary>Designers and Administrators may test-run versions that are not published.</summary>
    public bool IsDesigner => HasRole(Organization.Roles.Designer) || HasRole(Organization.Roles.Administrator);

    public bool IsAdministrator => HasRole(Organization.Roles.Administrator);

    /// <summary>Refuses anyone but an Operator or Administrator, saying what is theirs: "instances are repaired by…".</summary>
    public void RequireOperator(string whatIsTheirs)
    {
        if (!IsOperator)
        {
            throw new UnauthorizedAccessException($"{UserName} is not an operator: {whatIsTheirs}.");
        }
    }

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);

    /// <summary>The caller a signed-in principal is; an anonymous one has no name and no roles.</summary>
    public static Caller From(ClaimsPrincipal principal) =>
        new(principal.Identity?.IsAuthenticated == true ? principal.Identity.Name ?? "" : "", [.. principal.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
}
