using FlowCenter.Engine.State;
using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Instances;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Stores;

/// <summary>Instances in the FlowCenter database; a save writes only what the burst changed, in one transaction.</summary>
public sealed class EfInstanceStore(FlowCenterDbContextFactory contexts) : IInstanceStore
{
    private const int TimerBookmarks = (int)BookmarkKind.Timer;
    private const int EventBookmarks = (int)BookmarkKind.Event;
    private const int SubProcessBookmarks = (int)BookmarkKind.SubProcess;
    private const int ListenerBookmarks = (int)BookmarkKind.EventListener;
    private const int PublishBookmarks = (int)BookmarkKind.Publish;

    public async Task<StoredInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var record = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var instance = RecordMapper.ToInstance(record);
        instance.Bookmarks = (await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId).OrderBy(b => b.CreatedAt).ThenBy(b => b.Id).ToListAsync(cancellationToken))
            .ConvertAll(RecordMapper.ToBookmark);
        instance.Journal = (await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId && j.CompletedAt == null).OrderBy(j => j.Sequence).ToListAsync(cancellationToken))
            .ConvertAll(RecordMapper.ToEntry);
        instance.Incidents = (await db.Incidents.AsNoTracking().Where(i => i.InstanceId == instanceId).OrderBy(i => i.Id).ToListAsync(cancellationToken))
            .ConvertAll(RecordMapper.ToIncident);
        return new StoredInstance(instance, record.Revision) { StartedBy = Starter.Parse(record.StartedBy) };
    }

    public async Task SaveAsync(StoredInstance stored, CancellationToken cancellationToken = default)
    {
        var instance = stored.Instance;
        var revision = stored.Revision + 1;
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = RecordMapper.ToRecord(stored, revision);
        if (stored.IsNew)
        {
            db.Instances.Add(row);
        }
        else
        {
            var entry = db.Instances.Attach(row);
            entry.Property(r => r.Revision).OriginalValue = stored.Revision;
            entry.State = EntityState.Modified;
            entry.Property(r => r.CreatedAt).IsModified = false;
            entry.Property(r => r.StartedBy).IsModified = false;
            entry.Property(r => r.StartedMs).IsModified = false;
        }

        // The totals: the instance leaves the count it was in and joins the one it is in now, as rows of their own.
        var tally = InstanceTally.Of(instance);
        if (stored.LoadedTally is { } was && was != tally)
        {
            db.InstanceCounts.Add(CountRow(was, -1));
        }

        if (stored.LoadedTally != tally)
        {
            db.InstanceCounts.Add(CountRow(tally, 1));
        }

        // The searchable copies of the variables the burst changed: removed and rewritten, never patched, so that
        // a row that is missing (an instance stored before the copies existed) cannot fail the save.
        var (changed, gone) = stored.VariableChanges();
        var stale = changed.Concat(gone).Where(InstanceVariableRows.Searchable).ToList();
        if (!stored.IsNew && stale.Count > 0)
        {
            await db.InstanceVariables.Where(v => v.InstanceId == instance.Id && stale.Contains(v.Name)).ExecuteDeleteAsync(cancellationToken);
        }

        if (stored.LoadedTally is { } before && before.IsLive != tally.IsLive)
        {
            await db.InstanceVariables.Where(v => v.InstanceId == instance.Id).ExecuteUpdateAsync(v => v.SetProperty(x => x.Live, tally.IsLive), cancellationToken);
        }

        db.InstanceVariables.AddRange(changed.Where(InstanceVariableRows.Searchable).Select(name => InstanceVariableRows.Row(instance.Id, name, instance.Variables[name], tally.IsLive)));
        if (stored.IsNew)
        {
            db.InstanceVariables.AddRange(InstanceVariableRows.InputRows(instance.Id, instance.Input, tally.IsLive));
        }

        var removed = stored.RemovedBookmarks.Select(b => b.Id).ToList();
        if (removed.Count > 0)
        {
            await db.Bookmarks.Where(b => removed.Contains(b.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        db.Bookmarks.AddRange(stored.NewBookmarks.Select(b => RecordMapper.ToRecord(instance.Id, b)));
        foreach (var entry in instance.Journal)
        {
            var record = RecordMapper.ToRecord(instance.Id, entry);
            if (entry.Sequence > stored.LoadedJournalCount)
            {
                db.Journal.Add(record);
            }
            else
            {
                db.Journal.Update(record);
            }
        }

        foreach (var incident in instance.Incidents)
        {
            var record = RecordMapper.ToRecord(instance.Id, incident);
            if (stored.LoadedIncidentIds.Contains(incident.Id))
            {
                db.Incidents.Update(record);
            }
            else
            {
                db.Incidents.Add(record);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException($"Instance '{instance.Id}' was saved by another writer after revision {stored.Revision} was read.", ex);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            throw new ConcurrencyConflictException($"Instance '{instance.Id}' (or a child for its parent's bookmark) was written by another writer first.", ex);
        }

        stored.Revision = revision;
    }

    private static InstanceCountRecord CountRow(InstanceTally tally, long delta) => new()
    {
        DefinitionId = tally.DefinitionId, DefinitionVersion = tally.Version, Status = (int)tally.Status, Incidents = tally.Incidents ? 1 : 0, Delta = delta,
    };

    public async Task<int> FoldCountsAsync(CancellationToken cancellationToken = default)
    {
        const int Take = 10_000;
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.InstanceCounts.AsNoTracking().OrderBy(c => c.Id).Take(Take).ToListAsync(cancellationToken);
        var sums = rows.GroupBy(c => (c.DefinitionId, c.DefinitionVersion, c.Status, c.Incidents))
            .Select(g => new InstanceCountRecord { DefinitionId = g.Key.DefinitionId, DefinitionVersion = g.Key.DefinitionVersion, Status = g.Key.Status, Incidents = g.Key.Incidents, Delta = g.Sum(c => c.Delta) })
            .Where(c => c.Delta != 0)
            .ToList();
        if (sums.Count == rows.Count)
        {
            return 0;
        }

        // Only the rows read are removed, by id: a change committed meanwhile stays as it is. When fewer are
        // removed than were read, another node folded them first, and its sums stand.
        var ids = rows.ConvertAll(c => c.Id);
        if (await db.InstanceCounts.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken) != ids.Count)
        {
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }

        db.InstanceCounts.AddRange(sums);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count - sums.Count;
    }

    public async Task<IReadOnlyList<BookmarkRef>> FindEventBookmarksAsync(string eventName, string? correlationKey, DateTimeOffset? madeBefore = null, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var waits = db.Bookmarks.AsNoTracking()
            .Where(b => (b.Kind == EventBookmarks || b.Kind == ListenerBookmarks) && b.Name == eventName && b.CorrelationKey == correlationKey);
        if (madeBefore is { } before)
        {
            var until = before.ToUniversalTime();
            waits = waits.Where(b => b.CreatedAt <= until);
        }

        return await waits.OrderBy(b => b.CreatedAt)
            .Select(b => new BookmarkRef(b.InstanceId, b.Id, null))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BookmarkRef>> FindPublishBookmarksAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Bookmarks.AsNoTracking()
            .Where(b => b.Kind == PublishBookmarks)
            .OrderBy(b => b.CreatedAt)
            .Select(b => new BookmarkRef(b.InstanceId, b.Id, null))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BookmarkRef>> FindDueBookmarksAsync(DateTimeOffset until, int take, CancellationToken cancellationToken = default)
    {
        var limit = until.ToUniversalTime();
        await using var db = contexts.CreateDbContext();
        return await db.Bookmarks.AsNoTracking()
            .Where(b => b.DueAt != null && b.DueAt <= limit)
            .OrderBy(b => b.DueAt)
            .Take(take)
            .Select(b => new BookmarkRef(b.InstanceId, b.Id, b.DueAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BookmarkRef>> FindTimedBookmarksAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Bookmarks.AsNoTracking()
            .Where(b => b.DueAt != null)
            .OrderBy(b => b.DueAt)
            .Select(b => new BookmarkRef(b.InstanceId, b.Id, b.DueAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ChildLink>> FindSubProcessLinksAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var links = await (
            from bookmark in db.Bookmarks.AsNoTracking().Where(b => b.Kind == SubProcessBookmarks)
            join child in db.Instances.AsNoTracking() on new { P = (string?)bookmark.InstanceId, B = (string?)bookmark.Id } equals new { P = child.ParentInstanceId, B = child.ParentBookmarkId } into children
            from child in children.DefaultIfEmpty()
            select new { bookmark.InstanceId, bookmark.Id, ChildId = child == null ? null : child.Id, ChildStatus = child == null ? (int?)null : child.Status })
            .ToListAsync(cancellationToken);
        return links.ConvertAll(l => new ChildLink(l.InstanceId, l.Id, l.ChildId, (WorkflowStatus?)l.ChildStatus));
    }

    public async Task<Page<InstanceSummary>> QueryAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = Filtered(db, query);
        var total = Counted(query) ? (int)await CountsOf(db, query).SumAsync(c => c.Delta, cancellationToken) : await rows.CountAsync(cancellationToken);
        var items = query.Sort is InstanceSort.LongestFirst or InstanceSort.ShortestFirst
            ? await ByDurationAsync(rows, query, cancellationToken)
            : await Ordered(rows, query).Skip(query.Skip).Take(query.Take).Select(Summary).ToListAsync(cancellationToken);
        return new Page<InstanceSummary>(items, total, query.Skip, query.Take);
    }

    /// <summary>
    /// A page by duration: an ended case's duration is stored, a live one's grows with the clock, and no index
    /// orders by both. So the ended cases are read in the order of their duration's index and the live ones in the
    /// order of their start (the oldest has run longest), each up to the page's end, and the two are merged here:
    /// the same page the single order gives, without sorting the history.
    /// </summary>
    private static async Task<List<InstanceSummary>> ByDurationAsync(IQueryable<InstanceRecord> rows, InstanceQuery query, CancellationToken cancellationToken)
    {
        var upTo = query.Skip + query.Take;
        var now = query.Now ?? DateTimeOffset.UnixEpoch;
        var longest = query.Sort == InstanceSort.LongestFirst;
        var ended = rows.Where(i => i.DurationMs != null);
        var live = rows.Where(i => i.DurationMs == null);
        var both = (longest
                ? await ended.OrderByDescending(i => i.DurationMs).ThenByDescending(i => i.Id).Take(upTo).Select(Summary).ToListAsync(cancellationToken)
                : await ended.OrderBy(i => i.DurationMs).ThenBy(i => i.Id).Take(upTo).Select(Summary).ToListAsync(cancellationToken))
            .Concat(longest
                ? await live.OrderBy(i => i.StartedMs).ThenByDescending(i => i.Id).Take(upTo).Select(Summary).ToListAsync(cancellationToken)
                : await live.OrderByDescending(i => i.StartedMs).ThenBy(i => i.Id).Take(upTo).Select(Summary).ToListAsync(cancellationToken));
        var ordered = longest
            ? both.OrderByDescending(i => i.DurationAt(now)).ThenByDescending(i => i.Id, StringComparer.Ordinal)
            : both.OrderBy(i => i.DurationAt(now)).ThenBy(i => i.Id, StringComparer.Ordinal);
        return [.. ordered.Skip(query.Skip).Take(query.Take)];
    }

    public async IAsyncEnumerable<InstanceSummary> StreamAsync(InstanceQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await foreach (var item in Ordered(Filtered(db, query), query).Select(Summary).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>
    /// Whether the filter asks only what the kept totals know (process, version, status, open problems): then
    /// its total is a sum over a few rows instead of a count over the history.
    /// </summary>
    private static bool Counted(InstanceQuery query) =>
        query is { Ids: null, BusinessKey: null, StartedBy: null, CreatedFrom: null, CreatedTo: null, CompletedFrom: null, CompletedTo: null, Node: null or "", ParentInstanceId: null, IncidentText: null or "", Variables.Count: 0 };

    private static IQueryable<InstanceCountRecord> CountsOf(FlowCenterDbContext db, InstanceQuery query)
    {
        var rows = db.InstanceCounts.AsNoTracking();
        if (query.DefinitionId is { } definitionId)
        {
            rows = rows.Where(c => c.DefinitionId == definitionId);
        }

        if (query.Version is { } version)
        {
            rows = rows.Where(c => c.DefinitionVersion == version);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(c => c.Status == (int)status);
        }

        if (query.HasIncidents is { } hasIncidents)
        {
            rows = rows.Where(c => c.Incidents == (hasIncidents ? 1 : 0));
        }

        return rows;
    }

    private static readonly System.Linq.Expressions.Expression<Func<InstanceRecord, InstanceSummary>> Summary = i =>
        new InstanceSummary(i.Id, i.DefinitionId, i.DefinitionVersion, (WorkflowStatus)i.Status, i.BusinessKey, i.StartedBy, i.CurrentNodes, i.OpenIncidents, i.CreatedAt, i.UpdatedAt, i.CompletedAt, i.DurationMs);

    private static IOrderedQueryable<InstanceRecord> Ordered(IQueryable<InstanceRecord> rows, InstanceQuery query)
    {
        var nowMs = (query.Now ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds();
        return query.Sort switch
        {
            InstanceSort.LongestFirst => rows.OrderByDescending(i => i.DurationMs ?? (nowMs - i.StartedMs)).ThenByDescending(i => i.Id),
            InstanceSort.ShortestFirst => rows.OrderBy(i => i.DurationMs ?? (nowMs - i.StartedMs)).ThenBy(i => i.Id),
            InstanceSort.StartedOldest => rows.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id),
            InstanceSort.UpdatedNewest => rows.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id),
            InstanceSort.UpdatedOldest => rows.OrderBy(i => i.UpdatedAt).ThenBy(i => i.Id),
            _ => rows.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id),
        };
    }

    /// <summary>The instances the filter selects: the same set for a page, the count, the export and a batch.</summary>
    private static IQueryable<InstanceRecord> Filtered(FlowCenterDbContext db, InstanceQuery query)
    {
        var rows = db.Instances.AsNoTracking();
        if (query.Ids is { } ids)
        {
            var wanted = ids.ToList();
            rows = rows.Where(i => wanted.Contains(i.Id));
        }

        if (query.DefinitionId is { } definitionId)
        {
            rows = rows.Where(i => i.DefinitionId == definitionId);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(i => i.Status == (int)status);
        }

        if (query.BusinessKey is { } businessKey)
        {
            rows = rows.Where(i => i.BusinessKey == businessKey);
        }

        if (query.StartedBy is { Length: > 1 } prefixed && prefixed.EndsWith('*'))
        {
            // "event:*", "parent:*": every instance started that way.
            var prefix = prefixed[..^1];
            rows = rows.Where(i => i.StartedBy != null && i.StartedBy.StartsWith(prefix));
        }
        else if (query.StartedBy is { } startedBy)
        {
            rows = rows.Where(i => i.StartedBy == startedBy);
        }

        if (query.CreatedFrom is { } from)
        {
            var utc = from.ToUniversalTime();
            rows = rows.Where(i => i.CreatedAt >= utc);
        }

        if (query.CreatedTo is { } to)
        {
            var utc = to.ToUniversalTime();
            rows = rows.Where(i => i.CreatedAt < utc);
        }

        if (query.Version is { } version)
        {
            rows = rows.Where(i => i.DefinitionVersion == version);
        }

        if (query.HasIncidents is { } hasIncidents)
        {
            rows = hasIncidents ? rows.Where(i => i.OpenIncidents > 0) : rows.Where(i => i.OpenIncidents == 0);
        }

        if (query.Node is { Length: > 0 } node)
        {
            // The current nodes are stored as one comma-separated list: a node matches whole, never as a part.
            var wanted = "," + node + ",";
            rows = rows.Where(i => i.CurrentNodes != null && ("," + i.CurrentNodes + ",").Contains(wanted));
        }

        if (query.ParentInstanceId is { } parent)
        {
            rows = rows.Where(i => i.ParentInstanceId == parent);
        }

        if (query.CompletedFrom is { } completedFrom)
        {
            var utc = completedFrom.ToUniversalTime();
            rows = rows.Where(i => i.CompletedAt != null && i.CompletedAt >= utc);
        }

        if (query.CompletedTo is { } completedTo)
        {
            var utc = completedTo.ToUniversalTime();
            rows = rows.Where(i => i.CompletedAt != null && i.CompletedAt < utc);
        }

        if (query.IncidentText is { Length: > 0 } incidentText)
        {
            var lower = incidentText.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL (lower, instr/strpos): the database compares, not .NET.
            rows = rows.Where(i => db.Incidents.Any(x => x.InstanceId == i.Id && x.ResolvedAt == null && x.Message.ToLower().Contains(lower)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        // Asked for live cases, a condition reads the live cases' values only (their own index), not the history's.
        var live = query.Status is { } asked && InstanceTally.IsLiveStatus(asked);
        foreach (var condition in query.Variables)
        {
            var named = live ? db.InstanceVariables.Where(v => v.Live && v.Name == condition.Name) : db.InstanceVariables.Where(v => v.Name == condition.Name);
            var matching = Matching(named, condition);
            rows = rows.Where(i => matching.Any(v => v.InstanceId == i.Id));
        }

        return rows;
    }

    /// <summary>The variable rows (already of the condition's name) that satisfy the condition.</summary>
#pragma warning disable CA1304, CA1309, CA1311, CA1862 // Translated to SQL: the database compares (in code-point order for ISO dates and codes), not .NET.
    private static IQueryable<InstanceVariableRecord> Matching(IQueryable<InstanceVariableRecord> named, VariableCondition condition)
    {
        var value = condition.Value ?? "";
        var lower = value.ToLowerInvariant();
        var isNull = value == "null";
        const int nullKind = (int)VariableKind.Null;
        return (condition.Operator, condition.Number) switch
        {
            (VariableOperator.Exists, _) => named,
            (VariableOperator.Equal, _) when isNull => named.Where(v => v.Kind == nullKind),
            (VariableOperator.NotEqual, _) when isNull => named.Where(v => v.Kind != nullKind),
            (VariableOperator.Equal, double n) => named.Where(v => v.Number == n || v.Text == value),
            (VariableOperator.NotEqual, double n) => named.Where(v => !(v.Number == n || v.Text == value)),
            (VariableOperator.Equal, null) => named.Where(v => v.Text == value),
            (VariableOperator.NotEqual, null) => named.Where(v => v.Text == null || v.Text != value),
            (VariableOperator.Greater, double n) => named.Where(v => v.Number > n),
            (VariableOperator.Less, double n) => named.Where(v => v.Number < n),
            (VariableOperator.GreaterOrEqual, double n) => named.Where(v => v.Number >= n),
            (VariableOperator.LessOrEqual, double n) => named.Where(v => v.Number <= n),
            (VariableOperator.Greater, null) => named.Where(v => v.Text != null && string.Compare(v.Text, value) > 0),
            (VariableOperator.Less, null) => named.Where(v => v.Text != null && string.Compare(v.Text, value) < 0),
            (VariableOperator.GreaterOrEqual, null) => named.Where(v => v.Text != null && string.Compare(v.Text, value) >= 0),
            (VariableOperator.LessOrEqual, null) => named.Where(v => v.Text != null && string.Compare(v.Text, value) <= 0),
            (VariableOperator.Contains, _) => named.Where(v => v.Text != null && v.Text.ToLower().Contains(lower)),
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Operator, "Unknown variable operator."),
        };
    }
#pragma warning restore CA1304, CA1309, CA1311, CA1862

    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return (await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence).ToListAsync(cancellationToken))
            .ConvertAll(RecordMapper.ToEntry);
    }

    public async Task<string?> FindChildAsync(string parentInstanceId, string parentBookmarkId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Instances.AsNoTracking()
            .Where(i => i.ParentInstanceId == parentInstanceId && i.ParentBookmarkId == parentBookmarkId)
            .Select(i => i.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
