using FlowCenter.Engine.Contracts;
using FlowCenter.Runtime.Organization;

namespace FlowCenter.Runtime.Tasks;

/// <summary>Finds the people a step is for, from its spec, the organisation and the instance's earlier steps.</summary>
public sealed class AssignmentResolver(IDirectory directory, ITaskStore tasks)
{
    /// <summary>The active users the step names, in a stable order, without duplicates.</summary>
    public async Task<IReadOnlyList<string>> ResolveAsync(UserTaskRequest spec, string instanceId, string? initiator, CancellationToken cancellationToken)
    {
        var names = spec.AssignTo switch
        {
            AssignmentKind.Role => await UsersAsync(p => p.Roles.Intersect(spec.Assignee, StringComparer.OrdinalIgnoreCase).Any(), cancellationToken),
            AssignmentKind.Position => await UsersAsync(p => p.PositionId is { } id && spec.Assignee.Contains(id, StringComparer.OrdinalIgnoreCase), cancellationToken),
            AssignmentKind.Department => await DepartmentAsync(spec.Assignee, cancellationToken),
            AssignmentKind.Manager => await ManagerAsync(initiator, Math.Max(1, spec.ManagerLevels), cancellationToken),
            AssignmentKind.NodeAssignee => await NodeAssigneesAsync(instanceId, spec.Assignee, cancellationToken),
            _ => await ExistingAsync(spec.Assignee, cancellationToken),
        };
        return [.. names.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private async Task<IEnumerable<string>> UsersAsync(Func<Person, bool> match, CancellationToken cancellationToken) =>
        (await directory.ListUsersAsync(cancellationToken)).Where(p => p.Active && match(p)).Select(p => p.UserName);

    private async Task<IEnumerable<string>> ExistingAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        foreach (var name in names)
        {
            if (await directory.FindAsync(name, cancellationToken) is { Active: true } person)
            {
                found.Add(person.UserName);
            }
        }

        return found;
    }

    /// <summary>A department means its head; one without a head means all its people.</summary>
    private async Task<IEnumerable<string>> DepartmentAsync(IReadOnlyList<string> departmentIds, CancellationToken cancellationToken)
    {
        var departments = await directory.ListDepartmentsAsync(cancellationToken);
        var found = new List<string>();
        foreach (var id in departmentIds)
        {
            var department = departments.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));
            if (department?.ManagerUserName is { } head)
            {
                found.AddRange(await ExistingAsync([head], cancellationToken));
            }
            else if (department is not null)
            {
                found.AddRange(await UsersAsync(p => string.Equals(p.DepartmentId, department.Id, StringComparison.OrdinalIgnoreCase), cancellationToken));
            }
        }

        return found;
    }

    private async Task<IEnumerable<string>> ManagerAsync(string? initiator, int levels, CancellationToken cancellationToken)
    {
        var current = initiator;
        for (var level = 0; level < levels && current is not null; level++)
        {
            current = (await directory.FindAsync(current, cancellationToken))?.ManagerUserName;
        }

        return current is null ? [] : await ExistingAsync([current], cancellationToken);
    }

    private async Task<IEnumerable<string>> NodeAssigneesAsync(string instanceId, IReadOnlyList<string> nodeIds, CancellationToken cancellationToken)
    {
        var groups = await tasks.ListGroupsAsync(instanceId, cancellationToken);
        var deciders = groups.Where(g => nodeIds.Contains(g.NodeId, StringComparer.Ordinal))
            .OrderByDescending(g => g.CreatedAt).Take(1)
            .SelectMany(g => g.Items.Where(i => i.Status == TaskItemStatus.Completed).Select(i => i.DecidedBy!));
        return await ExistingAsync(deciders, cancellationToken);
    }
}
