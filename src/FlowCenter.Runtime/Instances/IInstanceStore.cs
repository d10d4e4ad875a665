using FlowCenter.Engine.State;

namespace FlowCenter.Runtime.Instances;

/// <summary>Instances with their bookmarks, journal and incidents. A save is one transaction.</summary>
public interface IInstanceStore
{
    /// <summary>The instance with its live bookmarks, open journal entries and incidents; null when unknown.</summary>
    Task<StoredInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes everything a burst changed in one transaction: the instance row (checked against the revision read),
    /// bookmarks added and removed, journal entries added and closed, incidents. Throws
    /// <see cref="ConcurrencyConflictException"/> when another writer saved the instance first; nothing is written then.
    /// </summary>
    Task SaveAsync(StoredInstance stored, CancellationToken cancellationToken = default);

    /// <summary>
    /// The waits for an event with this name and key (a wait's own and its step's listeners), oldest first; with
    /// <paramref name="madeBefore"/> only those made by then, so that an event delivered again reaches no wait made since.
    /// </summary>
    Task<IReadOnlyList<BookmarkRef>> FindEventBookmarksAsync(string eventName, string? correlationKey, DateTimeOffset? madeBefore = null, CancellationToken cancellationToken = default);

    /// <summary>The events steps published that were not yet delivered: their bookmarks.</summary>
    Task<IReadOnlyList<BookmarkRef>> FindPublishBookmarksAsync(CancellationToken cancellationToken = default);

    /// <summary>Timer-like bookmarks due at or before <paramref name="until"/>, earliest first.</summary>
    Task<IReadOnlyList<BookmarkRef>> FindDueBookmarksAsync(DateTimeOffset until, int take, CancellationToken cancellationToken = default);

    /// <summary>Every bookmark with a due time, to re-arm timers at start-up.</summary>
    Task<IReadOnlyList<BookmarkRef>> FindTimedBookmarksAsync(CancellationToken cancellationToken = default);

    /// <summary>Waiting sub-process bookmarks, and the child started for each (null when none was).</summary>
    Task<IReadOnlyList<ChildLink>> FindSubProcessLinksAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Folds the totals' change rows into one per process version, status and problems, as the sums they make;
    /// answers how many rows fewer there are. Safe on several nodes at once.
    /// </summary>
    Task<int> FoldCountsAsync(CancellationToken cancellationToken = default);

    Task<Page<InstanceSummary>> QueryAsync(InstanceQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every instance the filter selects (skip and take ignored), in its order, read as the caller goes.</summary>
    IAsyncEnumerable<InstanceSummary> StreamAsync(InstanceQuery query, CancellationToken cancellationToken = default);

    /// <summary>The whole journal of an instance, in order.</summary>
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>The child started for a parent's sub-process bookmark, if any.</summary>
    Task<string?> FindChildAsync(string parentInstanceId, string parentBookmarkId, CancellationToken cancellationToken = default);
}
