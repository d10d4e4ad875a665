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
    public Task OnCommittedAsync(StoredInstance stored, IReadOnlyList<Bookmark> added, IReadOnlyList<string> removed, CancellationToken cancellationToken) =>
        added.Any(b => b.Kind == BookmarkKind.UserTask) || removed.Count > 0
            ? services.GetRequiredService<TaskService>().SyncAsync(stored, added, removed, cancellationToken)
            : Task.CompletedTask;
}
