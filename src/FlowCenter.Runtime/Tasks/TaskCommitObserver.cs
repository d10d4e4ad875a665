using FlowCenter.Engine.State;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Instances;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCenter.Runtime.Tasks;

/// <summary>
/// Hands each commit's user-task bookmarks to the task service. The service is taken from the provider when
/// needed, since it resumes workflows through the runtime that calls this observer.
/// </summary>
public sealed class TaskCommitObserver(IServiceProvider services) : ICommitObserver
{
    public Task OnCommittedAsync(StoredInstance stored, IReadOnlyList<Bookmark> added, IReadOnlyList<(string Id, BookmarkKind Kind)> removed, CancellationToken cancellationToken)
    {
        // Only user tasks concern the task service: other commits (timers, events) cost nothing here.
        var closed = removed.Where(b => b.Kind == BookmarkKind.UserTask).Select(b => b.Id).ToList();
        return added.Any(b => b.Kind == BookmarkKind.UserTask) || closed.Count > 0
            ? services.GetRequiredService<TaskService>().SyncAsync(stored, added, closed, cancellationToken)
            : Task.CompletedTask;
    }
}
