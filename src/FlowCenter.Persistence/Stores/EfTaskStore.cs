using FlowCenter.Engine.Contracts;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.State;
using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Stores;

/// <summary>Steps, items, candidates, history and copies on the FlowCenter database.</summary>
public sealed class EfTaskStore(FlowCenterDbContextFactory contexts) : ITaskStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<TaskGroup?> FindGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var group = await db.TaskGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        return group is null ? null : (await WithItemsAsync(db, [group], cancellationToken))[0];
    }

    public async Task<string?> FindGroupIdOfItemAsync(string itemId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.TaskItems.Where(i => i.Id == itemId).Select(i => i.GroupId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TaskGroup>> ListGroupsAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var groups = await db.TaskGroups.AsNoTracking().Where(g => g.InstanceId == instanceId).OrderBy(g => g.CreatedAt).ToListAsync(cancellationToken);
        return await WithItemsAsync(db, groups, cancellationToken);
    }

    public async Task<bool> AddGroupAsync(TaskGroup group, IReadOnlyList<TaskHistoryEntry> history, IReadOnlyList<CarbonCopy> copies, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        if (await db.TaskGroups.AnyAsync(g => g.Id == group.Id, cancellationToken))
        {
            return false;
        }

        db.TaskGroups.Add(ToRecord(group));
        db.TaskItems.AddRange(group.Items.Select(i => ToRecord(i, group.InstanceId)));
        db.TaskHistory.AddRange(history.Select(ToRecord));
        db.TaskCopies.AddRange(copies.Select(ToRecord));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return false; // another node made the step first
        }
    }

    public async Task SaveGroupAsync(TaskGroup group, int expectedRevision, IReadOnlyList<TaskHistoryEntry> history, IReadOnlyList<CarbonCopy> copies, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = ToRecord(group);
        var updated = await db.TaskGroups.Where(g => g.Id == group.Id && g.Revision == expectedRevision).ExecuteUpdateAsync(s => s
            .SetProperty(g => g.Status, record.Status)
            .SetProperty(g => g.Outcome, record.Outcome)
            .SetProperty(g => g.ReturnTo, record.ReturnTo)
            .SetProperty(g => g.DecisionJson, record.DecisionJson)
            .SetProperty(g => g.ResumedAt, record.ResumedAt)
            .SetProperty(g => g.DueAt, record.DueAt)
            .SetProperty(g => g.TimeoutHandled, record.TimeoutHandled)
            .SetProperty(g => g.NextReminderAt, record.NextReminderAt)
            .SetProperty(g => g.Revision, expectedRevision + 1), cancellationToken);
        if (updated == 0)
        {
            throw new ConcurrencyConflictException($"Step '{group.Id}' changed since it was read (revision {expectedRevision}).");
        }

        var known = await db.TaskItems.Where(i => i.GroupId == group.Id).ToDictionaryAsync(i => i.Id, cancellationToken);
        foreach (var item in group.Items)
        {
            if (known.TryGetValue(item.Id, out var existing))
            {
                (existing.Assignee, existing.Owner, existing.Status, existing.Added, existing.BlockedBy) = (item.Assignee, item.Owner, (int)item.Status, item.Added, item.BlockedBy);
                (existing.Outcome, existing.DecidedBy, existing.DecidedAt, existing.Comment, existing.Sequence) = (item.Outcome, item.DecidedBy, item.DecidedAt, item.Comment, item.Sequence);
            }
            else
            {
                db.TaskItems.Add(ToRecord(item, group.InstanceId));
            }
        }

        db.TaskHistory.AddRange(history.Select(ToRecord));
        db.TaskCopies.AddRange(copies.Select(ToRecord));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TaskHistoryEntry>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.TaskHistory.AsNoTracking().Where(h => h.InstanceId == instanceId).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        return rows.ConvertAll(ToEntry);
    }

    public async Task<IReadOnlyDictionary<string, TaskHistoryEntry>> LatestDecisionsAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default)
    {
        int[] decisions = [(int)TaskAction.Decide, (int)TaskAction.Return, (int)TaskAction.AutoApprove];
        await using var db = contexts.CreateDbContext();
        var rows = await db.TaskHistory.AsNoTracking()
            .Where(h => instanceIds.Contains(h.InstanceId) && decisions.Contains(h.Action))
            .ToListAsync(cancellationToken);
        return rows.GroupBy(h => h.InstanceId).ToDictionary(g => g.Key, g => ToEntry(g.MaxBy(h => h.Id)!));
    }

    private static TaskHistoryEntry ToEntry(TaskHistoryRecord h) => new(h.InstanceId, h.GroupId, h.ItemId, h.At, h.User, (TaskAction)h.Action)
    {
        Id = h.Id, Comment = h.Comment, Target = h.Target, NodeId = h.NodeId, OnBehalfOf = h.OnBehalfOf,
    };

    public async Task<Page<TaskListItem>> QueryAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var user = query.User;
        var roles = query.Roles.ToList();
        var items = query.Box switch
        {
            TaskBox.ToDo => db.TaskItems.Where(i => i.Status == (int)TaskItemStatus.Open && i.Assignee == user),
            TaskBox.Pool => db.TaskItems.Where(i => i.Status == (int)TaskItemStatus.Open && i.Assignee == null
                && i.Candidates.Any(c => (c.Kind == TaskCandidateRecord.UserKind && c.Value == user) || (c.Kind == TaskCandidateRecord.RoleKind && roles.Contains(c.Value)))),
            _ => db.TaskItems.Where(i => i.DecidedBy == user || (i.Status == (int)TaskItemStatus.Transferred && i.Assignee == user)),
        };
        var rows = from i in items.AsNoTracking()
                   join g in db.TaskGroups.AsNoTracking() on i.GroupId equals g.Id
                   select new { i, g };
        if (query.Search is { Length: > 0 } search)
        {
            rows = rows.Where(r => r.g.Title.Contains(search) || (r.g.BusinessKey != null && r.g.BusinessKey.Contains(search)) || r.g.DefinitionId.Contains(search));
        }

        if (query.DefinitionId is { Length: > 0 } definitionId)
        {
            rows = rows.Where(r => r.g.DefinitionId == definitionId);
        }

        var total = await rows.CountAsync(cancellationToken);
        var ordered = query.Box == TaskBox.Done ? rows.OrderByDescending(r => r.i.DecidedAt).ThenByDescending(r => r.i.CreatedAt) : rows.OrderByDescending(r => r.i.CreatedAt);
        var page = await ordered.Skip(query.Skip).Take(query.Take).ToListAsync(cancellationToken);
        return new Page<TaskListItem>(
            page.ConvertAll(r => new TaskListItem(r.i.Id, r.g.Id, r.g.InstanceId, r.g.DefinitionId, r.g.NodeId, r.g.Title)
            {
                BusinessKey = r.g.BusinessKey, Initiator = r.g.Initiator, Assignee = r.i.Assignee, Owner = r.i.Owner, Status = (TaskItemStatus)r.i.Status,
                Outcome = r.i.Outcome, Mode = r.g.Mode, CreatedAt = r.i.CreatedAt, DueAt = r.g.DueAt, DecidedAt = r.i.DecidedAt,
            }),
            total, query.Skip, query.Take);
    }

    public async Task<Runtime.Cases.CaseParticipants> ParticipantsAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var users = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        users.UnionWith((await db.TaskGroups.AsNoTracking().Where(g => g.InstanceId == instanceId && g.Initiator != null).Select(g => g.Initiator!).Distinct().ToListAsync(cancellationToken)));
        var items = await db.TaskItems.AsNoTracking().Where(i => i.InstanceId == instanceId).Select(i => new { i.Assignee, i.Owner, i.DecidedBy }).ToListAsync(cancellationToken);
        users.UnionWith(items.SelectMany(i => new[] { i.Assignee, i.Owner, i.DecidedBy }).OfType<string>());
        var candidates = await (from c in db.TaskCandidates.AsNoTracking()
                                join i in db.TaskItems.AsNoTracking() on c.ItemId equals i.Id
                                where i.InstanceId == instanceId
                                select new { c.Kind, c.Value }).Distinct().ToListAsync(cancellationToken);
        users.UnionWith(candidates.Where(c => c.Kind == TaskCandidateRecord.UserKind).Select(c => c.Value));
        users.UnionWith(await db.TaskHistory.AsNoTracking().Where(h => h.InstanceId == instanceId).Select(h => h.User).Distinct().ToListAsync(cancellationToken));
        users.UnionWith(await db.TaskCopies.AsNoTracking().Where(c => c.InstanceId == instanceId).Select(c => c.UserName).Distinct().ToListAsync(cancellationToken));
        var roles = candidates.Where(c => c.Kind == TaskCandidateRecord.RoleKind).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new Runtime.Cases.CaseParticipants(users, roles);
    }

    public async Task<Page<CarbonCopy>> CopiesAsync(string user, string? search, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = db.TaskCopies.AsNoTracking().Where(c => c.UserName == user);
        if (search is { Length: > 0 })
        {
            rows = rows.Where(c => c.Title.Contains(search));
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(c => c.At).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new Page<CarbonCopy>(page.ConvertAll(c => new CarbonCopy(c.InstanceId, c.GroupId, c.UserName, c.FromUser, c.Title, c.At) { Id = c.Id, ReadAt = c.ReadAt }), total, skip, take);
    }

    public async Task<IReadOnlyList<string>> FindInstancesWithTasksOutOfStepAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var missing = db.Bookmarks.AsNoTracking()
            .Where(b => b.Kind == (int)BookmarkKind.UserTask && !db.TaskGroups.Any(g => g.Id == b.Id))
            .Select(b => b.InstanceId);
        // A step's id is its bookmark's: an open step without one was left open when its task went away.
        var stale = db.TaskGroups.AsNoTracking()
            .Where(g => g.Status == (int)TaskGroupStatus.Open && !db.Bookmarks.Any(b => b.Id == g.Id))
            .Select(g => g.InstanceId);
        return await missing.Union(stale).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> FindDueGroupIdsAsync(DateTimeOffset now, int take, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.TaskGroups.AsNoTracking()
            .Where(g => (g.Status == (int)TaskGroupStatus.Open && ((g.DueAt <= now && !g.TimeoutHandled) || g.NextReminderAt <= now))
                || (g.Status == (int)TaskGroupStatus.Decided && g.ResumedAt == null))
            .OrderBy(g => g.CreatedAt).Select(g => g.Id).Take(take).ToListAsync(cancellationToken);
    }

    private static async Task<List<TaskGroup>> WithItemsAsync(FlowCenterDbContext db, List<TaskGroupRecord> groups, CancellationToken cancellationToken)
    {
        var ids = groups.ConvertAll(g => g.Id);
        var items = (await db.TaskItems.AsNoTracking().Include(i => i.Candidates).Where(i => ids.Contains(i.GroupId)).ToListAsync(cancellationToken)).ToLookup(i => i.GroupId);
        return groups.ConvertAll(g => new TaskGroup
        {
            Id = g.Id, InstanceId = g.InstanceId, DefinitionId = g.DefinitionId, DefinitionVersion = g.DefinitionVersion, NodeId = g.NodeId,
            Title = g.Title, BusinessKey = g.BusinessKey, Initiator = g.Initiator, Spec = ContractJson.Read<UserTaskRequest>(JsonNode.Parse(g.SpecJson)),
            Status = (TaskGroupStatus)g.Status, Outcome = g.Outcome, ReturnTo = g.ReturnTo,
            Decision = g.DecisionJson is null ? null : JsonNode.Parse(g.DecisionJson) as JsonObject,
            ResumedAt = g.ResumedAt, CreatedAt = g.CreatedAt, DueAt = g.DueAt, TimeoutHandled = g.TimeoutHandled, NextReminderAt = g.NextReminderAt,
            Revision = g.Revision,
            Items = [.. items[g.Id].OrderBy(i => i.Sequence).ThenBy(i => i.CreatedAt).Select(i => new TaskItem
            {
                Id = i.Id, GroupId = i.GroupId, Sequence = i.Sequence, Assignee = i.Assignee, Owner = i.Owner, Status = (TaskItemStatus)i.Status,
                Added = i.Added, BlockedBy = i.BlockedBy, Outcome = i.Outcome, DecidedBy = i.DecidedBy, DecidedAt = i.DecidedAt, Comment = i.Comment,
                CreatedAt = i.CreatedAt,
                CandidateUsers = [.. i.Candidates.Where(c => c.Kind == TaskCandidateRecord.UserKind).Select(c => c.Value)],
                CandidateRoles = [.. i.Candidates.Where(c => c.Kind == TaskCandidateRecord.RoleKind).Select(c => c.Value)],
            })],
        });
    }

    private static TaskGroupRecord ToRecord(TaskGroup g) => new()
    {
        Id = g.Id, InstanceId = g.InstanceId, DefinitionId = g.DefinitionId, DefinitionVersion = g.DefinitionVersion, NodeId = g.NodeId,
        Title = Clip(g.Title, 300)!, BusinessKey = Clip(g.BusinessKey, 300), Initiator = g.Initiator, Mode = ContractNames.Of(g.Spec.Mode), SpecJson = ContractJson.ToJson(g.Spec).ToJsonString(ContractJson.Options),
        Status = (int)g.Status, Outcome = g.Outcome, ReturnTo = g.ReturnTo, DecisionJson = g.Decision?.ToJsonString(Json),
        ResumedAt = g.ResumedAt, CreatedAt = g.CreatedAt, DueAt = g.DueAt, TimeoutHandled = g.TimeoutHandled, NextReminderAt = g.NextReminderAt, Revision = g.Revision,
    };

    private static TaskItemRecord ToRecord(TaskItem i, string instanceId) => new()
    {
        Id = i.Id, GroupId = i.GroupId, InstanceId = instanceId, Sequence = i.Sequence, Assignee = i.Assignee, Owner = i.Owner, Status = (int)i.Status,
        Added = i.Added, BlockedBy = i.BlockedBy, Outcome = i.Outcome, DecidedBy = i.DecidedBy, DecidedAt = i.DecidedAt, Comment = Clip(i.Comment, 4000), CreatedAt = i.CreatedAt,
        Candidates =
        [
            .. i.CandidateUsers.Distinct(StringComparer.OrdinalIgnoreCase).Select(u => new TaskCandidateRecord { ItemId = i.Id, Kind = TaskCandidateRecord.UserKind, Value = u }),
            .. i.CandidateRoles.Distinct(StringComparer.OrdinalIgnoreCase).Select(r => new TaskCandidateRecord { ItemId = i.Id, Kind = TaskCandidateRecord.RoleKind, Value = r }),
        ],
    };

    private static TaskHistoryRecord ToRecord(TaskHistoryEntry h) => new()
    {
        InstanceId = h.InstanceId, GroupId = h.GroupId, ItemId = h.ItemId, NodeId = h.NodeId, At = h.At, User = h.User, Action = (int)h.Action,
        Comment = Clip(h.Comment, 4000), Target = Clip(h.Target, 1000), OnBehalfOf = h.OnBehalfOf,
    };

    private static CarbonCopyRecord ToRecord(CarbonCopy c) => new()
    {
        InstanceId = c.InstanceId, GroupId = c.GroupId, UserName = c.UserName, FromUser = c.FromUser, Title = Clip(c.Title, 300)!, At = c.At, ReadAt = c.ReadAt,
    };

    private static string? Clip(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
