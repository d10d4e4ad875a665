using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Stores;

/// <summary>
/// The organisation model on the FlowCenter database: departments and positions in tables of their own, people
/// as Identity users (so that the people tasks are assigned to are the people who sign in) with Identity roles.
/// </summary>
public sealed class EfDirectory(FlowCenterDbContextFactory contexts, IPasswordHasher<FlowCenterUser> hasher) : IDirectory, IOrganizationAdmin
{
    public const int MinimumPasswordLength = 8;

    public async Task<Person?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var normalized = Normalize(userName);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        return user is null ? null : ToPerson(user, await RolesOfAsync(db, [user.Id], cancellationToken));
    }

    public async Task<IReadOnlyList<Person>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await RolesOfAsync(db, null, cancellationToken);
        return users.ConvertAll(u => ToPerson(u, roles));
    }

    public async Task<IReadOnlyList<Department>> ListDepartmentsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return (await db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken))
            .ConvertAll(d => new Department(d.Id, d.Name, d.ParentId, d.ManagerUserName));
    }

    public async Task<IReadOnlyList<Position>> ListPositionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return (await db.Positions.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken))
            .ConvertAll(p => new Position(p.Id, p.Name, p.DepartmentId));
    }

    public async Task<IReadOnlyList<string>> ListRolesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var roles = await db.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync(cancellationToken);
        return [.. roles.Union(Roles.BuiltIn).Order(StringComparer.Ordinal)];
    }

    public Task SaveDepartmentAsync(Department department, CancellationToken cancellationToken = default) =>
        ImportCoreAsync(new OrganizationSnapshot { Departments = [department] }, null, resetExisting: false, cancellationToken);

    public Task SavePositionAsync(Position position, CancellationToken cancellationToken = default) =>
        ImportCoreAsync(new OrganizationSnapshot { Positions = [position] }, null, resetExisting: false, cancellationToken);

    public Task SaveUserAsync(Person person, string? password = null, CancellationToken cancellationToken = default) =>
        ImportCoreAsync(new OrganizationSnapshot { Users = [person] }, password, resetExisting: true, cancellationToken);

    public Task<ImportSummary> ImportAsync(OrganizationSnapshot snapshot, string? initialPassword, CancellationToken cancellationToken = default) =>
        ImportCoreAsync(snapshot, initialPassword, resetExisting: false, cancellationToken);

    public async Task DeleteDepartmentAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var problems = new List<string>();
        if (await db.Departments.AnyAsync(d => d.ParentId == id, cancellationToken))
        {
            problems.Add($"department '{id}' has sub-departments");
        }

        if (await db.Users.AnyAsync(u => u.DepartmentId == id, cancellationToken))
        {
            problems.Add($"department '{id}' still has people");
        }

        if (problems.Count > 0)
        {
            throw new OrganizationException(problems);
        }

        await db.Departments.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
        await db.Positions.Where(p => p.DepartmentId == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.DepartmentId, (string?)null), cancellationToken);
    }

    public async Task DeletePositionAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        if (await db.Users.AnyAsync(u => u.PositionId == id, cancellationToken))
        {
            throw new OrganizationException($"position '{id}' is still held by people");
        }

        await db.Positions.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task DeleteUserAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        if (await db.Users.AnyAsync(u => u.ManagerUserName == userName, cancellationToken))
        {
            throw new OrganizationException($"user '{userName}' is still the manager of others");
        }

        var normalized = Normalize(userName);
        await db.Users.Where(u => u.NormalizedUserName == normalized).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Adds or updates the snapshot's items; a user's roles become exactly those listed. New users get
    /// <paramref name="password"/>; existing ones too when <paramref name="resetExisting"/>.
    /// </summary>
    private async Task<ImportSummary> ImportCoreAsync(OrganizationSnapshot snapshot, string? password, bool resetExisting, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var existingUsers = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var existingRoles = await RolesOfAsync(db, null, cancellationToken);
        var existing = new OrganizationSnapshot
        {
            Departments = (await db.Departments.AsNoTracking().ToListAsync(cancellationToken)).ConvertAll(d => new Department(d.Id, d.Name, d.ParentId, d.ManagerUserName)),
            Positions = (await db.Positions.AsNoTracking().ToListAsync(cancellationToken)).ConvertAll(p => new Position(p.Id, p.Name, p.DepartmentId)),
            Users = existingUsers.ConvertAll(u => new Person(u.UserName!, u.DisplayName)
            {
                ManagerUserName = u.ManagerUserName, DepartmentId = u.DepartmentId, PositionId = u.PositionId, Email = u.Email, Active = u.Active, Roles = [.. existingRoles[u.Id]],
            }),
        };
        var problems = OrganizationRules.Check(existing, snapshot).ToList();
        var known = existingUsers.Select(u => u.NormalizedUserName).ToHashSet(StringComparer.Ordinal);
        foreach (var person in snapshot.Users.Where(p => !string.IsNullOrWhiteSpace(p.UserName) && !known.Contains(Normalize(p.UserName))))
        {
            if (password is null || password.Length < MinimumPasswordLength)
            {
                problems.Add($"user '{person.UserName}' is new and needs a password of at least {MinimumPasswordLength} characters");
            }
        }

        if (password is { Length: > 0 and < MinimumPasswordLength })
        {
            problems.Add($"the password must have at least {MinimumPasswordLength} characters");
        }

        if (problems.Count > 0)
        {
            throw new OrganizationException(problems.Distinct().ToList());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var d in snapshot.Departments)
        {
            var record = await db.Departments.FindAsync([d.Id], cancellationToken) ?? db.Departments.Add(new DepartmentRecord { Id = d.Id }).Entity;
            (record.Name, record.ParentId, record.ManagerUserName) = (d.Name, Empty(d.ParentId), Empty(d.ManagerUserName));
        }

        foreach (var p in snapshot.Positions)
        {
            var record = await db.Positions.FindAsync([p.Id], cancellationToken) ?? db.Positions.Add(new PositionRecord { Id = p.Id }).Entity;
            (record.Name, record.DepartmentId) = (p.Name, Empty(p.DepartmentId));
        }

        var roles = await EnsureRolesAsync(db, snapshot.Users.SelectMany(u => u.Roles), cancellationToken);
        var (added, updated) = (0, 0);
        foreach (var person in snapshot.Users)
        {
            var normalized = Normalize(person.UserName);
            var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
            if (user is null)
            {
                user = new FlowCenterUser { UserName = person.UserName, NormalizedUserName = normalized, SecurityStamp = NewStamp() };
                user.PasswordHash = hasher.HashPassword(user, password!);
                db.Users.Add(user);
                added++;
            }
            else
            {
                updated++;
                if (resetExisting && password is { Length: > 0 })
                {
                    user.PasswordHash = hasher.HashPassword(user, password);
                    user.SecurityStamp = NewStamp();
                }
            }

            // A new user takes every field; an existing one only those the source gives (a missing column changes nothing).
            var isNew = !known.Contains(normalized);
            bool Gives(string field) => isNew || snapshot.Gives(field);
            if (Gives(UserField.DisplayName))
            {
                user.DisplayName = string.IsNullOrWhiteSpace(person.DisplayName) ? person.UserName : person.DisplayName;
            }

            if (Gives(UserField.Email))
            {
                user.Email = Empty(person.Email);
                user.NormalizedEmail = user.Email?.ToUpperInvariant();
            }

            (user.DepartmentId, user.PositionId, user.ManagerUserName) = (
                Gives(UserField.Department) ? Empty(person.DepartmentId) : user.DepartmentId,
                Gives(UserField.Position) ? Empty(person.PositionId) : user.PositionId,
                Gives(UserField.Manager) ? Empty(person.ManagerUserName) : user.ManagerUserName);
            var had = await db.UserRoles.Where(r => r.UserId == user.Id).Select(r => r.RoleId).ToListAsync(cancellationToken);
            var wanted = Gives(UserField.Roles)
                ? person.Roles.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => roles[Normalize(r)]).ToHashSet(StringComparer.Ordinal)
                : had.ToHashSet(StringComparer.Ordinal);
            var active = Gives(UserField.Active) ? person.Active : user.Active;
            if (user.Active != active || !wanted.SetEquals(had))
            {
                // Deactivated or given other roles: every session signed in before ends (the cookie's stamp no longer matches).
                user.SecurityStamp = NewStamp();
            }

            user.Active = active;
            user.LockoutEnabled = true;
            await db.UserRoles.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            foreach (var roleId in wanted)
            {
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportSummary(snapshot.Departments.Count, snapshot.Positions.Count, added, updated);
    }

    private static async Task<Dictionary<string, string>> EnsureRolesAsync(FlowCenterDbContext db, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var roles = await db.Roles.ToDictionaryAsync(r => r.NormalizedName!, r => r.Id, cancellationToken);
        foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase).Where(n => !roles.ContainsKey(Normalize(n))))
        {
            var role = new IdentityRole(name.Trim()) { NormalizedName = Normalize(name), ConcurrencyStamp = NewStamp() };
            db.Roles.Add(role);
            roles[role.NormalizedName] = role.Id;
        }

        return roles;
    }

    private static async Task<ILookup<string, string>> RolesOfAsync(FlowCenterDbContext db, string[]? userIds, CancellationToken cancellationToken)
    {
        var query = from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name };
        if (userIds is not null)
        {
            query = query.Where(x => userIds.Contains(x.UserId));
        }

        return (await query.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(x => x.UserId, x => x.Name!);
    }

    private static Person ToPerson(FlowCenterUser user, ILookup<string, string> roles) => new(user.UserName!, user.DisplayName)
    {
        Email = user.Email,
        DepartmentId = user.DepartmentId,
        PositionId = user.PositionId,
        ManagerUserName = user.ManagerUserName,
        Roles = [.. roles[user.Id].Order(StringComparer.Ordinal)],
        Active = user.Active,
    };

    private static string Normalize(string value) => value.Trim().ToUpperInvariant();

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// Identity's security and concurrency stamps: random and unguessable (a changed stamp signs a person out
    /// everywhere), so from the cryptographic generator rather than the id generator.
    /// </summary>
    private static string NewStamp() => System.Security.Cryptography.RandomNumberGenerator.GetHexString(32, lowercase: true);
}
