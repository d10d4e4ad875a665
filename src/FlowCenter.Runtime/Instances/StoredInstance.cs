using FlowCenter.Engine.State;

namespace FlowCenter.Runtime.Instances;

/// <summary>
/// An instance as loaded from the store, with what it looked like then, so that saving writes only what a
/// burst changed. Loaded instances carry only their open journal entries.
/// </summary>
public sealed class StoredInstance
{
    /// <summary>An instance read from the store at <paramref name="revision"/>: what it holds now is the baseline.</summary>
    public StoredInstance(WorkflowInstance instance, long revision)
    {
        Instance = instance;
        Revision = revision;
        LoadedBookmarkIds = instance.Bookmarks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        LoadedSubProcessIds = SubProcessIds(instance);
        LoadedJournalCount = instance.JournalCount;
        LoadedIncidentIds = instance.Incidents.Select(i => i.Id).ToHashSet();
    }

    private StoredInstance(WorkflowInstance instance)
    {
        Instance = instance;
        LoadedBookmarkIds = new HashSet<string>();
        LoadedSubProcessIds = new HashSet<string>();
        LoadedIncidentIds = new HashSet<int>();
    }

    /// <summary>An instance not stored yet: everything it holds is new.</summary>
    public static StoredInstance ForNew(WorkflowInstance instance, string? startedBy) => new(instance) { StartedBy = startedBy };

    public WorkflowInstance Instance { get; }

    /// <summary>The row version read; 0 for an instance not stored yet. Saving fails when the row moved on.</summary>
    public long Revision { get; set; }

    public bool IsNew => Revision == 0;

    public string? StartedBy { get; init; }

    public IReadOnlySet<string> LoadedBookmarkIds { get; private set; }

    /// <summary>The sub-process bookmarks at load time, to notice children no longer awaited.</summary>
    public IReadOnlySet<string> LoadedSubProcessIds { get; private set; }

    public int LoadedJournalCount { get; private set; }

    public IReadOnlySet<int> LoadedIncidentIds { get; private set; }

    /// <summary>After a save: what is stored now is the new baseline.</summary>
    public void MarkSaved(long revision)
    {
        Revision = revision;
        LoadedBookmarkIds = Instance.Bookmarks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        LoadedSubProcessIds = SubProcessIds(Instance);
        LoadedJournalCount = Instance.JournalCount;
        LoadedIncidentIds = Instance.Incidents.Select(i => i.Id).ToHashSet();
    }

    /// <summary>Bookmarks the last burst created.</summary>
    public IEnumerable<Bookmark> NewBookmarks => Instance.Bookmarks.Where(b => !LoadedBookmarkIds.Contains(b.Id));

    /// <summary>Bookmarks the last burst consumed or removed.</summary>
    public IEnumerable<string> RemovedBookmarkIds => LoadedBookmarkIds.Where(id => !Instance.Bookmarks.Exists(b => b.Id == id));

    private static HashSet<string> SubProcessIds(WorkflowInstance instance) =>
        instance.Bookmarks.Where(b => b.Kind == BookmarkKind.SubProcess).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
}
