using FlowCenter.Runtime.Instances;

namespace FlowCenter.Runtime.Tasks;

/// <summary>Where steps, their items, their history and copies are kept.</summary>
public interface ITaskStore
{
    Task<TaskGroup?> FindGroupAsync(string groupId, CancellationToken cancellationToken = default);

    Task<string?> FindGroupIdOfItemAsync(string itemId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TaskGroup>> ListGroupsAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Adds a new step; false when the step (its bookmark) already has one, which is then left as it is.</summary>
    Task<bool> AddGroupAsync(TaskGroup group, IReadOnlyList<TaskHistoryEntry> history, IReadOnlyList<CarbonCopy> copies, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a changed step with its items, new history and copies in one transaction, if the stored step is
    /// still at <paramref name="expectedRevision"/>; raises its revision. Otherwise throws
    /// <see cref="ConcurrencyConflictException"/> and writes nothing.
    /// </summary>
    Task SaveGroupAsync(TaskGroup group, int expectedRevision, IReadOnlyList<TaskHistoryEntry> history, IReadOnlyList<CarbonCopy> copies, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TaskHistoryEntry>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>The latest decision (decide, return, automatic approval) of each of these instances, in one query.</summary>
    Task<IReadOnlyDictionary<string, TaskHistoryEntry>> LatestDecisionsAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default);

    Task<Page<TaskListItem>> QueryAsync(TaskQuery query, CancellationToken cancellationToken = default);

    /// <summary>Everyone who takes part in the case, read with a few small queries (no step is loaded whole).</summary>
    Task<Cases.CaseParticipants> ParticipantsAsync(string instanceId, CancellationToken cancellationToken = default);

    Task<Page<CarbonCopy>> CopiesAsync(string user, string? search, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// Instances whose steps are out of step with their commit (the process stopped between the two): a waiting user
    /// task that has no step yet, or a step still open whose user task the instance no longer waits at (it was
    /// cancelled, moved on or ended).
    /// </summary>
    Task<IReadOnlyList<string>> FindInstancesWithTasksOutOfStepAsync(CancellationToken cancellationToken = default);

    /// <summary>Steps that need the system: overdue or due a reminder while open, or decided but not yet resumed.</summary>
    Task<IReadOnlyList<string>> FindDueGroupIdsAsync(DateTimeOffset now, int take, CancellationToken cancellationToken = default);
}
