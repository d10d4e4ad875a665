namespace FlowCenter.Runtime.Organization;

/// <summary>
/// What keeps an organisation whole: ids present, parents and managers that exist, no department its own
/// ancestor, no user their own manager up the chain. Every problem is reported, each naming what it is about.
/// </summary>
public static class OrganizationRules
{
    /// <summary>The longest user name or department/position id: they appear in rules, paths and the audit log.</summary>
    public const int MaxIdLength = 64;

    /// <summary>The longest display name or department/position name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Checks the organisation that <paramref name="incoming"/> would leave when laid over <paramref name="existing"/>.</summary>
    public static IReadOnlyList<string> Check(OrganizationSnapshot existing, OrganizationSnapshot incoming)
    {
        var problems = new List<string>();
        var departments = Merge(existing.Departments, incoming.Departments, d => d.Id);
        var positions = Merge(existing.Positions, incoming.Positions, p => p.Id);
        var users = MergeUsers(existing, incoming);

        foreach (var d in incoming.Departments)
        {
            if (!Identifier(problems, d.Id, "department", d.Name))
            {
                continue;
            }

            Name(problems, d.Name, $"department '{d.Id}'");
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
            if (!Identifier(problems, p.Id, "position", p.Name))
            {
                continue;
            }

            Name(problems, p.Name, $"position '{p.Id}'");
            if (p.DepartmentId is { Length: > 0 } department && !departments.ContainsKey(department))
            {
                problems.Add($"position '{p.Id}': department '{department}' does not exist");
            }
        }

        foreach (var u in incoming.Users)
        {
            if (!Identifier(problems, u.UserName, "user", u.DisplayName))
            {
                continue;
            }

            Name(problems, u.DisplayName, $"user '{u.UserName}'");
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

    /// <summary>
    /// A user name or an id: present, at most <see cref="MaxIdLength"/> characters, letters (any script),
    /// digits and <c>. _ - @</c> only. False when it is unusable, so that nothing else is checked against it.
    /// </summary>
    private static bool Identifier(List<string> problems, string? id, string what, string? name)
    {
        var label = what == "user" ? "user name" : "id";
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add($"a {what} without a {label} (name '{Shown(name)}')");
            return false;
        }

        if (id.Length > MaxIdLength)
        {
            problems.Add($"{what} '{Shown(id)}': the {label} has {id.Length} characters; at most {MaxIdLength}");
            return false;
        }

        var at = Array.FindIndex(id.ToCharArray(), c => !(char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '@'));
        if (at >= 0)
        {
            var bad = id[at];
            problems.Add($"{what} '{Shown(id)}': the {label} may hold letters, digits and . _ - @ only, not {(char.IsControl(bad) || char.IsWhiteSpace(bad) ? $"U+{(int)bad:X4}" : $"'{bad}'")}");
            return false;
        }

        return true;
    }

    private static void Name(List<string> problems, string? name, string owner)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add($"{owner} has no name");
        }
        else if (name.Length > MaxNameLength)
        {
            problems.Add($"{owner}: the name has {name.Length} characters; at most {MaxNameLength}");
        }
        else if (name.Any(char.IsControl))
        {
            problems.Add($"{owner}: the name holds a control character");
        }
    }

    /// <summary>A value as a problem may quote it: control characters made visible, cut to a readable length.</summary>
    private static string Shown(string? value)
    {
        var visible = new string([.. (value ?? "").Select(c => char.IsControl(c) ? '?' : c)]);
        return visible.Length > 40 ? visible[..40] + "..." : visible;
    }

    private static void Duplicates(List<string> problems, IEnumerable<string> ids, string what) =>
        problems.AddRange(ids.Where(i => !string.IsNullOrWhiteSpace(i)).GroupBy(i => i, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => $"{what} '{g.Key}' appears {g.Count()} times"));
}
