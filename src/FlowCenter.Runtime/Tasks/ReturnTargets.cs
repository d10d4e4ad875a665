namespace FlowCenter.Runtime.Tasks;

/// <summary>Where a step can be returned to (退回): the nodes of the case's earlier steps, in order.</summary>
public static class ReturnTargets
{
    public static IReadOnlyList<string> Of(IEnumerable<TaskGroup> groupsOfCase, TaskGroup group) =>
        [.. groupsOfCase
            .Where(g => g.Id != group.Id && g.NodeId != group.NodeId && g.CreatedAt <= group.CreatedAt)
            .OrderBy(g => g.CreatedAt).Select(g => g.NodeId).Distinct(StringComparer.Ordinal)];
}
