using FlowCenter.Engine.State;

namespace FlowCenter.Runtime.Instances;

/// <summary>
/// An instance as loaded from the store, with what it looked like then, so that saving writes only what a
/// burst changed. Loaded instances carry only their open journal entries.
/// </summary>
public sealed class StoredInstance
{
    /// <summary>The bookmarks at load (or last save) time, by id, with their kinds.</summary>
    private Dictionary<string, BookmarkKind> _loadedBookmarks;

    /// <summary>An instance read from the store at <paramref name="revision"/>: what it holds now is the baseline.</summary>
    public StoredInstance(WorkflowInstance instance, long revision)
    {
        Instance = instance;
        Revision = revision;
        _loadedBookmarks = KindsOf(instance);
        LoadedJournalCount = instance.JournalCount;
        LoadedIncidentIds = instance.Incidents.Select(i => i.Id).ToHashSet();
        LoadedVariables = PrintsOf(instance);
        LoadedTally = InstanceTally.Of(instance);
    }

    private StoredInstance(WorkflowInstance instance)
    {
        Instance = instance;
        _loadedBookmarks = new Dictionary<string, BookmarkKind>(StringComparer.Ordinal);
        LoadedIncidentIds = new HashSet<int>();
        LoadedVariables = new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>An instance not stored yet: everything it holds is new.</summary>
    public static StoredInstance ForNew(WorkflowInstance instance, Starter? startedBy) => new(instance) { StartedBy = startedBy };

    public WorkflowInstance Instance { get; }

    /// <summary>The row version read; 0 for an instance not stored yet. Saving fails when the row moved on.</summary>
    public long Revision { get; set; }

    public bool IsNew => Revision == 0;

    public Starter? StartedBy { get; init; }

    public int LoadedJournalCount { get; private set; }

    public IReadOnlySet<int> LoadedIncidentIds { get; private set; }

    /// <summary>Each variable's compact JSON at load (or last save) time, so that a save rewrites only the variables that changed.</summary>
    public IReadOnlyDictionary<string, string> LoadedVariables { get; private set; }

    /// <summary>The incidents the last save stored for the first time (for the commit observers: operators are told).</summary>
    public IReadOnlyList<Incident> IncidentsRaised { get; private set; } = [];

    /// <summary>After a save: what is stored now is the new baseline.</summary>
    public void MarkSaved(long revision)
    {
        Revision = revision;
        IncidentsRaised = [.. Instance.Incidents.Where(i => i.IsOpen && !LoadedIncidentIds.Contains(i.Id))];
        _loadedBookmarks = KindsOf(Instance);
        LoadedJournalCount = Instance.JournalCount;
        LoadedIncidentIds = Instance.Incidents.Select(i => i.Id).ToHashSet();
        LoadedVariables = PrintsOf(Instance);
        LoadedTally = InstanceTally.Of(Instance);
    }

    /// <summary>What the stored row counted as at load (or last save) time; null for an instance not stored yet.</summary>
    public InstanceTally? LoadedTally { get; private set; }

    /// <summary>The variables whose value differs from the baseline (new ones included), and those no longer there.</summary>
    public (IReadOnlyList<string> Changed, IReadOnlyList<string> Removed) VariableChanges()
    {
        var changed = new List<string>();
        foreach (var (name, value) in Instance.Variables)
        {
            if (!LoadedVariables.TryGetValue(name, out var before) || before != PrintOf(value))
            {
                changed.Add(name);
            }
        }

        return (changed, [.. LoadedVariables.Keys.Where(name => !Instance.Variables.ContainsKey(name))]);
    }

    private static Dictionary<string, string> PrintsOf(WorkflowInstance instance) =>
        instance.Variables.ToDictionary(p => p.Key, p => PrintOf(p.Value), StringComparer.Ordinal);

    private static string PrintOf(System.Text.Json.Nodes.JsonNode? value) => value?.ToJsonString() ?? "null";

    /// <summary>Bookmarks the last burst created.</summary>
    public IEnumerable<Bookmark> NewBookmarks => Instance.Bookmarks.Where(b => !_loadedBookmarks.ContainsKey(b.Id));

    /// <summary>Bookmarks the last burst consumed or removed, with their kinds (a child no longer awaited, a task closed).</summary>
    public IEnumerable<(string Id, BookmarkKind Kind)> RemovedBookmarks =>
        _loadedBookmarks.Where(p => !Instance.Bookmarks.Exists(b => b.Id == p.Key)).Select(p => (p.Key, p.Value));

    private static Dictionary<string, BookmarkKind> KindsOf(WorkflowInstance instance) =>
        instance.Bookmarks.ToDictionary(b => b.Id, b => b.Kind, StringComparer.Ordinal);
}
