using FlowCenter.Engine.State;
using FlowCenter.Runtime.Instances;

namespace FlowCenter.Runtime.Execution;

/// <summary>
/// Told after each commit of an instance which bookmarks it gained and lost (the task service makes inbox items
/// of user tasks). It runs after the commit: what it misses when the process dies is caught up at start-up.
/// </summary>
public interface ICommitObserver
{
    Task OnCommittedAsync(StoredInstance stored, IReadOnlyList<Bookmark> added, IReadOnlyList<(string Id, BookmarkKind Kind)> removed, CancellationToken cancellationToken);
}
