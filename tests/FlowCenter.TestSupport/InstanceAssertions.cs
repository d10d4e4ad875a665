using FlowCenter.Engine.Json;
using FlowCenter.Engine.State;

namespace FlowCenter.TestSupport;

public static class InstanceAssertions
{
    /// <summary>Node ids in the order they completed, one per completed journal entry.</summary>
    public static List<string> CompletedPath(this WorkflowInstance instance) =>
        instance.Journal.Where(e => e.Status == JournalStatus.Completed).OrderBy(e => e.CompletedAt).ThenBy(e => e.Sequence).Select(e => e.NodeId).ToList();

    public static int Executions(this WorkflowInstance instance, string nodeId) =>
        instance.Journal.Count(e => e.NodeId == nodeId && e.Status == JournalStatus.Completed);

    public static double Number(this WorkflowInstance instance, string variable) =>
        JsonValues.NumberOf(instance.Variables[variable]!);

    public static Bookmark Bookmark(this WorkflowInstance instance, string nodeId, BookmarkKind? kind = null) =>
        instance.Bookmarks.Single(b => b.NodeId == nodeId && (kind is null || b.Kind == kind));
}
