using System.Globalization;
using System.Text.Json;
using FlowCenter.Engine.State;
using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Alerts;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Stores;

public sealed class EfAlertStore(FlowCenterDbContextFactory contexts) : IAlertStore
{
    private const int Running = (int)WorkflowStatus.Running;
    private const int Waiting = (int)WorkflowStatus.Waiting;
    private const int Suspended = (int)WorkflowStatus.Suspended;
    private const int Failed = (int)JournalStatus.Failed;
    private const int OpenTasks = (int)TaskGroupStatus.Open;

    private static readonly JsonSerializerOptions FactsJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // Chinese stays as it is (escaped, a 300-character message would not fit the column).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public async Task<IReadOnlyList<AlertRule>> ListRulesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return (await db.AlertRules.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken)).ConvertAll(ToRule);
    }

    public async Task<AlertRule?> FindRuleAsync(string ruleId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.AlertRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId, cancellationToken) is { } r ? ToRule(r) : null;
    }

    public async Task SaveRuleAsync(AlertRule rule, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var record = await db.AlertRules.FirstOrDefaultAsync(r => r.Id == rule.Id, cancellationToken);
        if (record is null)
        {
            record = new AlertRuleRecord { Id = rule.Id };
            db.AlertRules.Add(record);
        }

        record.Name = rule.Name;
        record.Kind = (int)rule.Kind;
        record.DefinitionId = rule.DefinitionId;
        record.NodeId = rule.NodeId;
        record.ThresholdMs = rule.Threshold is { } t ? (long)t.TotalMilliseconds : null;
        record.Percent = rule.Percent;
        record.MinimumRuns = rule.MinimumRuns;
        record.Users = string.Join(',', rule.Users);
        record.Roles = string.Join(',', rule.Roles);
        record.RemindEveryMs = rule.RemindEvery is { } e ? (long)e.TotalMilliseconds : null;
        record.Enabled = rule.Enabled;
        record.UpdatedBy = rule.UpdatedBy;
        record.UpdatedAt = rule.UpdatedAt;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> DeleteRuleAsync(string ruleId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await db.Alerts.Where(a => a.RuleId == ruleId).ExecuteDeleteAsync(cancellationToken);
        return await db.AlertRules.Where(r => r.Id == ruleId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task<Page<Alert>> ListAlertsAsync(AlertState? state, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = db.Alerts.AsNoTracking();
        if (state is { } wanted)
        {
            rows = rows.Where(a => a.State == (int)wanted);
        }

        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(a => a.OpenedAt).ThenByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new Page<Alert>(items.ConvertAll(ToAlert), total, skip, take);
    }

    public async Task<Alert?> FindAlertAsync(string alertId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == alertId, cancellationToken) is { } a ? ToAlert(a) : null;
    }

    public async Task<IReadOnlyList<Alert>> UnresolvedAsync(string ruleId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return (await db.Alerts.AsNoTracking().Where(a => a.RuleId == ruleId && a.OpenKey != null).ToListAsync(cancellationToken)).ConvertAll(ToAlert);
    }

    public async Task<bool> TryAddAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var record = new AlertRecord { Id = alert.Id };
        Fill(record, alert);
        db.Alerts.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task UpdateAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var record = await db.Alerts.FirstOrDefaultAsync(a => a.Id == alert.Id, cancellationToken);
        if (record is not null)
        {
            Fill(record, alert);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<AlertCondition>> OpenIncidentsAsync(string? definitionId, string? nodeId, int take, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = from incident in db.Incidents.AsNoTracking()
                   where incident.ResolvedAt == null && (nodeId == null || incident.NodeId == nodeId)
                   join instance in db.Instances.AsNoTracking() on incident.InstanceId equals instance.Id
                   where definitionId == null || instance.DefinitionId == definitionId
                   orderby incident.CreatedAt
                   select new { incident.InstanceId, incident.Id, instance.DefinitionId, incident.NodeId, incident.Message, instance.BusinessKey, incident.CreatedAt };
        return (await rows.Take(take).ToListAsync(cancellationToken))
            .ConvertAll(r => new AlertCondition($"incident:{r.InstanceId}:{r.Id}", r.DefinitionId, r.InstanceId, r.NodeId, Cut($"{r.BusinessKey ?? r.InstanceId}: {r.Message}"))
            {
                Since = r.CreatedAt,
                Facts = new AlertFacts { Case = r.BusinessKey ?? r.InstanceId, Since = r.CreatedAt, Detail = Cut(r.Message, FactLength) },
            });
    }

    public async Task<IReadOnlyList<AlertCondition>> RunningSinceAsync(string? definitionId, DateTimeOffset startedBefore, int take, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.Instances.AsNoTracking()
            .Where(i => (i.Status == Running || i.Status == Waiting || i.Status == Suspended) && i.CreatedAt < startedBefore && (definitionId == null || i.DefinitionId == definitionId))
            .OrderBy(i => i.CreatedAt).Take(take)
            .Select(i => new { i.Id, i.DefinitionId, i.BusinessKey, i.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new AlertCondition($"instance:{r.Id}", r.DefinitionId, r.Id, null, Cut(string.Create(CultureInfo.InvariantCulture, $"{r.BusinessKey ?? r.Id}: running since {r.CreatedAt:u}")))
        {
            Since = r.CreatedAt,
            Facts = new AlertFacts { Case = r.BusinessKey ?? r.Id, Since = r.CreatedAt },
        });
    }

    public async Task<IReadOnlyList<AlertCondition>> StuckStepsAsync(string? definitionId, string? nodeId, DateTimeOffset openBefore, int take, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = from entry in db.Journal.AsNoTracking()
                   where entry.CompletedAt == null && entry.StartedAt < openBefore && (nodeId == null || entry.NodeId == nodeId)
                   join instance in db.Instances.AsNoTracking() on entry.InstanceId equals instance.Id
                   where (instance.Status == Running || instance.Status == Waiting || instance.Status == Suspended) && (definitionId == null || instance.DefinitionId == definitionId)
                   orderby entry.StartedAt
                   select new { entry.InstanceId, entry.Sequence, entry.NodeId, entry.StartedAt, instance.DefinitionId, instance.BusinessKey };
        return (await rows.Take(take).ToListAsync(cancellationToken))
            .ConvertAll(r => new AlertCondition($"stuck:{r.InstanceId}:{r.Sequence}", r.DefinitionId, r.InstanceId, r.NodeId, Cut(string.Create(CultureInfo.InvariantCulture, $"{r.BusinessKey ?? r.InstanceId}: at {r.NodeId} since {r.StartedAt:u}")))
            {
                Since = r.StartedAt,
                Facts = new AlertFacts { Case = r.BusinessKey ?? r.InstanceId, Since = r.StartedAt },
            });
    }

    public async Task<IReadOnlyList<AlertCondition>> OverdueTasksAsync(string? definitionId, string? nodeId, DateTimeOffset now, int take, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.TaskGroups.AsNoTracking()
            .Where(g => g.Status == OpenTasks && g.DueAt != null && g.DueAt < now && (definitionId == null || g.DefinitionId == definitionId) && (nodeId == null || g.NodeId == nodeId))
            .OrderBy(g => g.DueAt).Take(take)
            .Select(g => new { g.Id, g.InstanceId, g.DefinitionId, g.NodeId, g.Title, g.DueAt, g.BusinessKey })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new AlertCondition($"task:{r.Id}", r.DefinitionId, r.InstanceId, r.NodeId, Cut(string.Create(CultureInfo.InvariantCulture, $"{r.BusinessKey ?? r.InstanceId}: {r.Title} was due {r.DueAt:u}")))
        {
            Since = r.DueAt,
            Facts = new AlertFacts { Case = r.BusinessKey ?? r.InstanceId, Since = r.DueAt, Detail = Cut(r.Title, FactLength) },
        });
    }

    public async Task<(int Runs, int Failed)> StepRunsAsync(string? definitionId, string nodeId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = from entry in db.Journal.AsNoTracking()
                   where entry.NodeId == nodeId && entry.StartedAt >= since
                   join instance in db.Instances.AsNoTracking() on entry.InstanceId equals instance.Id
                   where definitionId == null || instance.DefinitionId == definitionId
                   select entry.Status;
        var runs = await rows.CountAsync(cancellationToken);
        var failed = runs == 0 ? 0 : await rows.CountAsync(s => s == Failed, cancellationToken);
        return (runs, failed);
    }

    public async Task<bool> AnyStartedSinceAsync(string? definitionId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Instances.AsNoTracking().AnyAsync(i => i.CreatedAt >= since && (definitionId == null || i.DefinitionId == definitionId), cancellationToken);
    }

    /// <summary>How much of a message or title the facts keep (the summary keeps more).</summary>
    private const int FactLength = 300;

    private static string Cut(string text, int length = Configurations.Lengths.Long) => text.Length > length ? text[..length] : text;

    private static void Fill(AlertRecord record, Alert alert)
    {
        record.RuleId = alert.RuleId;
        record.Key = alert.Key;
        record.OpenKey = alert.State == AlertState.Resolved ? null : alert.Key;
        record.RuleName = alert.RuleName;
        record.Kind = (int)alert.Kind;
        record.DefinitionId = alert.DefinitionId;
        record.InstanceId = alert.InstanceId;
        record.NodeId = alert.NodeId;
        record.Summary = alert.Summary is { } s ? Cut(s) : null;
        record.Facts = alert.Facts is { } facts ? JsonSerializer.Serialize(facts, FactsJson) : null;
        record.State = (int)alert.State;
        record.OpenedAt = alert.OpenedAt;
        record.LastNotifiedAt = alert.LastNotifiedAt;
        record.Notified = alert.Notified;
        record.AcknowledgedBy = alert.AcknowledgedBy;
        record.AcknowledgedAt = alert.AcknowledgedAt;
        record.ResolvedAt = alert.ResolvedAt;
    }

    private static AlertRule ToRule(AlertRuleRecord r) => new(r.Id, r.Name, (AlertKind)r.Kind)
    {
        DefinitionId = r.DefinitionId, NodeId = r.NodeId, Threshold = r.ThresholdMs is { } t ? TimeSpan.FromMilliseconds(t) : null, Percent = r.Percent,
        MinimumRuns = r.MinimumRuns, Users = r.Users.Split(',', StringSplitOptions.RemoveEmptyEntries), Roles = r.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries),
        RemindEvery = r.RemindEveryMs is { } e ? TimeSpan.FromMilliseconds(e) : null, Enabled = r.Enabled, UpdatedBy = r.UpdatedBy, UpdatedAt = r.UpdatedAt,
    };

    private static Alert ToAlert(AlertRecord a) => new(a.Id, a.RuleId, a.Key, a.OpenedAt)
    {
        RuleName = a.RuleName, Kind = (AlertKind)a.Kind, DefinitionId = a.DefinitionId, InstanceId = a.InstanceId, NodeId = a.NodeId, Summary = a.Summary,
        Facts = a.Facts is { } facts ? JsonSerializer.Deserialize<AlertFacts>(facts, FactsJson) : null,
        State = (AlertState)a.State, LastNotifiedAt = a.LastNotifiedAt, Notified = a.Notified, AcknowledgedBy = a.AcknowledgedBy, AcknowledgedAt = a.AcknowledgedAt, ResolvedAt = a.ResolvedAt,
    };
}
