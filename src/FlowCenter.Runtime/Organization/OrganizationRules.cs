namespace FlowCenter.Runtime.Organization;

/// <summary>
/// What keeps an organisation whole: ids present, parents and managers that exist, no department its own
/// ancestor, no user their own manager up the chain. Every problem is reported, each naming what it is about.
/// </summary>
public static class OrganizationRules
{
    /// <summary>Checks the organisation that <paramref name="incoming"/> would leave when laid over <paramref name="existing"/>.</summary>
    public static IReadOnlyList<string> Check(OrganizationSnapshot existing, OrganizationSnapshot incoming)
    {
        var problems = new List<string>();
        var departments = Merge(existing.Departments, incoming.Departments, d => d.Id);
        var positions = Merge(existing.Positions, incoming.Positions, p => p.Id);
        var users = MergeUsers(existing, incoming);

        foreach (var d in incoming.Departments)
        {
            Require(problems, d.Id, $"a department without an id (name '{d.Name}')");
            Require(problems, d.Name, $"department '{d.Id}' has no name");
            if (d.ParentId is { Length: > 0 } parent && !departments.ContainsKey(parent))
            {
                problems.Add($"department '{d.Id}': parent '{parent}' does not exist");
            }

            if (d.ManagerUserName is { Length: > 0 } manager && !users.ContainsKey(manager))
            {
                problems.Add($"department '{d.Id}': manager '{manager}' is not a user");
            }

            if (Cycle(d.Id, id => departments.GetValueOrDefault(id)?.ParentId))
            {
                problems.Add($"department '{d.Id}' is its own ancestor");
            }
        }

        foreach (var p in incoming.Positions)
        {
            Require(problems, p.Id, $"a position without an id (name '{p.Name}')");
            Require(problems, p.Name, $"position '{p.Id}' has no name");
            if (p.DepartmentId is { Length: > 0 } department && !departments.ContainsKey(department))
            {
                problems.Add($"position '{p.Id}': department '{department}' does not exist");
            }
        }

        foreach (var u in incoming.Users)
        {
            Require(problems, u.UserName, $"a user without a user name (display name '{u.DisplayName}')");
            if (u.DepartmentId is { Length: > 0 } department && !departments.ContainsKey(department))
            {
                problems.Add($"user '{u.UserName}': department '{department}' does not exist");
            }

            if (u.PositionId is { Length: > 0 } position && !positions.ContainsKey(position))
            {
                problems.Add($"user '{u.UserName}': position '{position}' does not exist");
            }

            if (u.ManagerUserName is { Length: > 0 } manager && !users.ContainsKey(manager))
            {
                problems.Add($"user '{u.UserName}': manager '{manager}' is not a user");
            }
            else if (Cycle(u.UserName, id => users.GetValueOrDefault(id)?.ManagerUserName))
            {
                problems.Add($"user '{u.UserName}' would be their own manager up the chain");
            }
        }

        Duplicates(problems, incoming.Departments.Select(d => d.Id), "department");
        Duplicates(problems, incoming.Positions.Select(p => p.Id), "position");
        Duplicates(problems, incoming.Users.Select(u => u.UserName), "user");
        if (existing.Users.Any(IsActiveAdministrator) && !users.Values.Any(IsActiveAdministrator))
        {
            problems.Add("no active Administrator would be left: keep the Administrator role of at least one active user");
        }

        return problems;
    }

    /// <summary>What each existing person would lose: roles taken away, deactivation.</summary>
    public static IReadOnlyList<string> Losses(OrganizationSnapshot existing, OrganizationSnapshot incoming)
    {
        var losses = new List<string>();
        var before = existing.Users.ToDictionary(u => u.UserName, StringComparer.OrdinalIgnoreCase);
        foreach (var after in MergeUsers(existing, incoming).Values)
        {
            if (!before.TryGetValue(after.UserName, out var was))
            {
                continue;
            }

            var lost = was.Roles.Except(after.Roles, StringComparer.OrdinalIgnoreCase).ToList();
            var parts = new List<string>();
            if (lost.Count > 0)
            {
                parts.Add("loses the role" + (lost.Count > 1 ? "s " : " ") + string.Join(", ", lost));
            }

            if (was.Active && !after.Active)
            {
                parts.Add("is deactivated");
            }

            if (parts.Count > 0)
            {
                losses.Add($"{after.UserName} {string.Join(" and ", parts)}");
            }
        }

        return losses;
    }

    private static bool IsActiveAdministrator(Person person) => person.Active && person.Roles.Contains(Roles.Administrator, StringComparer.OrdinalIgnoreCase);

    /// <summary>The users an import would leave: existing ones with the fields the import gives laid over theirs.</summary>
    private static Dictionary<string, Person> MergeUsers(OrganizationSnapshot existing, OrganizationSnapshot incoming)
    {
        var users = Merge(existing.Users, [], u => u.UserName);
        foreach (var person in incoming.Users.Where(u => !string.IsNullOrWhiteSpace(u.UserName)))
        {
            users[person.UserName] = UserField.Overlay(users.GetValueOrDefault(person.UserName), person, incoming);
        }

        return users;
    }

    private static Dictionary<string, T> Merge<T>(IEnumerable<T> existing, IEnumerable<T> incoming, Func<T, string> key)
    {
        var all = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in existing.Concat(incoming).Where(i => !string.IsNullOrWhiteSpace(key(i))))
        {
            all[key(item)] = item;
        }

        return all;
    }

    private static bool Cycle(string start, Func<string, string?> next)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { start };
        for (var id = next(start); id is { Length: > 0 }; id = next(id))
        {
            if (!seen.Add(id))
            {
                return true;
            }
        }

        return false;
    }

    private static void Require(List<string> problems, string? value, string problem)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(problem);
        }
    }

    private static void Duplicates(List<string> problems, IEnumerable<string> ids, string what) =>
        problems.AddRange(ids.Where(i => !string.IsNullOrWhiteSpace(i)).GroupBy(i => i, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => $"{what} '{g.Key}' appears {g.Count()} times"));
}
