namespace FlowCenter.Runtime.Tokens;

/// <summary>
/// What a token may do; a token narrows its owner's rights to its scopes, never widens them.
/// <c>read</c>: look (GET) at what the owner may see; <c>tasks</c>: the owner's inbox, decisions and starts;
/// <c>deploy</c>: save and publish definitions (a Designer's or Administrator's); <c>operate</c>: cases,
/// incidents and events (an Operator's or Administrator's); <c>admin</c>: connections and the rest of an
/// Administrator's API.
/// </summary>
public static class AccessTokenScopes
{
    public const string Read = "read";

    public const string Tasks = "tasks";

    public const string Deploy = "deploy";

    public const string Operate = "operate";

    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Read, Tasks, Deploy, Operate, Admin];

    /// <summary>
    /// The roles a token of these scopes acts with: the owner's own roles (for task assignment), without the
    /// built-in ones its scopes do not name; an Administrator's token with <c>deploy</c> or <c>operate</c> acts as
    /// a Designer or Operator.
    /// </summary>
    public static IReadOnlyList<string> NarrowRoles(IReadOnlyCollection<string> roles, IReadOnlyCollection<string> scopes)
    {
        bool Has(string role) => roles.Contains(role, StringComparer.OrdinalIgnoreCase);
        var admin = Has(Organization.Roles.Administrator);
        var narrowed = roles.Where(r => !Organization.Roles.BuiltIn.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (scopes.Contains(Deploy) && (admin || Has(Organization.Roles.Designer)))
        {
            narrowed.Add(Organization.Roles.Designer);
        }

        if (scopes.Contains(Operate) && (admin || Has(Organization.Roles.Operator)))
        {
            narrowed.Add(Organization.Roles.Operator);
        }

        if (scopes.Contains(Admin) && admin)
        {
            narrowed.Add(Organization.Roles.Administrator);
        }

        return narrowed;
    }

    /// <summary>Whether a token of these scopes may make this request (the roles are checked after, as for anyone).</summary>
    public static bool Allows(IReadOnlyCollection<string> scopes, string method, string path)
    {
        var reading = method is "GET" or "HEAD";
        var area = path.StartsWith("/api/tasks", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/api/notifications", StringComparison.OrdinalIgnoreCase)
                || path.StartsWith("/api/attachments", StringComparison.OrdinalIgnoreCase) ? Tasks
            : path.StartsWith("/api/definitions", StringComparison.OrdinalIgnoreCase) ? Deploy
            : path.Equals("/api/instances", StringComparison.OrdinalIgnoreCase) && !reading ? Tasks
            : path.StartsWith("/api/instances", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/api/events", StringComparison.OrdinalIgnoreCase) ? Operate
            : path.StartsWith("/api/me/tokens", StringComparison.OrdinalIgnoreCase) ? null
            : path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) ? Admin
            : null;
        if (area is null)
        {
            return false; // pages and the token endpoints need a person signed in, not a token
        }

        return scopes.Contains(area) || (reading && (scopes.Contains(Read) || (area == Operate && scopes.Contains(Tasks))));
    }
}
