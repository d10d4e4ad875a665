using FlowCenter.Engine.State;
using FlowCenter.Runtime.Instances;

namespace FlowCenter.Runtime.Execution;

/// <summary>
/// Told after each commit of an instance which bookmarks it gained and lost (the task service makes inbox items
/// of user tasks). It runs after the commit: what it misses when the process dies is caught up at start-up, and
/// what it misses by failing (the database went away for a moment) by the next recovery sweep
/// (<see cref="ICommitCatchUp"/>).
/// </summary>
public interface ICommitObserver
{
    Task OnCommittedAsync(StoredInstance stored, IReadOnlyList<Bookmark> added, IReadOnlyList<(string Id, BookmarkKind Kind)> removed, CancellationToken cancellationToken);
}

/// <summary>Puts right, for every instance, what an observer's part of a commit missed (a crash, a failure).</summary>
public interface ICommitCatchUp
{
    Task CatchUpAllAsync(CancellationToken cancellationToken);
}
