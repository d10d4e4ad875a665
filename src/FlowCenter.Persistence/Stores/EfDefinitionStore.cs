using FlowCenter.Engine.Contracts;
using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Instances;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Stores;

public sealed class EfDefinitionStore(FlowCenterDbContextFactory contexts) : IDefinitionStore
{
    public async Task<StoredDefinition?> FindAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var record = await db.Definitions.AsNoTracking().Include(d => d.Triggers)
            .FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version, cancellationToken);
        return record is null ? null : ToStored(record);
    }

    public async Task<StoredDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var record = await db.Definitions.AsNoTracking().Include(d => d.Triggers)
            .Where(d => d.DefinitionId == definitionId).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : ToStored(record);
    }

    public async Task<StoredDefinition?> FindCurrentAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var record = await db.Definitions.AsNoTracking().Include(d => d.Triggers)
            .FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsCurrent, cancellationToken);
        return record is null ? null : ToStored(record);
    }

    public async Task<IReadOnlyList<StoredDefinition>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var records = await db.Definitions.AsNoTracking().Include(d => d.Triggers)
            .Where(d => d.DefinitionId == definitionId).OrderBy(d => d.Version).ToListAsync(cancellationToken);
        return records.ConvertAll(ToStored);
    }

    public async Task<IReadOnlyList<StoredDefinition>> ListLatestAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var records = await db.Definitions.AsNoTracking()
            .Where(d => d.Version == db.Definitions.Where(o => o.DefinitionId == d.DefinitionId).Max(o => o.Version))
            .Include(d => d.Triggers)
            .OrderBy(d => d.DefinitionId)
            .ToListAsync(cancellationToken);
        return records.ConvertAll(ToStored);
    }

    public async Task SaveAsync(StoredDefinition definition, IReadOnlyList<StoredDefinition>? changed = null, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var item in (changed ?? []).Prepend(definition))
        {
            var existing = await db.Definitions.Include(d => d.Triggers)
                .FirstOrDefaultAsync(d => d.DefinitionId == item.DefinitionId && d.Version == item.Version, cancellationToken);
            if (existing is null)
            {
                db.Definitions.Add(ToRecord(item));
                continue;
            }

            if (existing.Status != (int)DefinitionStatus.Draft && existing.Json != item.Json)
            {
                throw new DefinitionVersionException($"Version {item.Version} of '{item.DefinitionId}' is published; its content cannot change.");
            }

            db.Entry(existing).CurrentValues.SetValues(ToRecord(item));
            existing.Triggers.Clear();
            existing.Triggers.AddRange(ToRecord(item).Triggers);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            throw new ConcurrencyConflictException($"Version {definition.Version} of '{definition.DefinitionId}' was saved by another writer first.", ex);
        }
    }

    public async Task<bool> DeleteAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await db.Triggers.Where(t => t.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken);
        return await db.Definitions.Where(d => d.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<DefinitionTrigger>> FindTriggersAsync(TriggerKind kind, string? value = null, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var records = await db.Triggers.AsNoTracking()
            .Where(t => t.Kind == (int)kind && (value == null || t.Value == value))
            .Where(t => db.Definitions.Any(d => d.DefinitionId == t.DefinitionId && d.Version == t.Version && d.IsCurrent))
            .OrderBy(t => t.DefinitionId).ThenBy(t => t.NodeId)
            .ToListAsync(cancellationToken);
        return records.ConvertAll(ToTrigger);
    }

    private static DefinitionTrigger ToTrigger(TriggerRecord t) => new(t.DefinitionId, t.Version, t.NodeId, (TriggerKind)t.Kind, t.Value, t.TimeZone);

    private static StoredDefinition ToStored(DefinitionRecord record) => new()
    {
        DefinitionId = record.DefinitionId,
        Version = record.Version,
        Name = record.Name,
        Description = record.Description,
        Status = (DefinitionStatus)record.Status,
        Json = record.Json,
        ContentHash = record.ContentHash,
        IsCurrent = record.IsCurrent,
        CreatedAt = record.CreatedAt,
        PublishedAt = record.PublishedAt,
        RetractedAt = record.RetractedAt,
        Triggers = record.Triggers.ConvertAll(ToTrigger),
    };

    private static DefinitionRecord ToRecord(StoredDefinition definition) => new()
    {
        DefinitionId = definition.DefinitionId,
        Version = definition.Version,
        Name = definition.Name,
        Description = definition.Description,
        Status = (int)definition.Status,
        Json = definition.Json,
        ContentHash = definition.ContentHash,
        IsCurrent = definition.IsCurrent,
        CreatedAt = definition.CreatedAt.ToUniversalTime(),
        PublishedAt = definition.PublishedAt?.ToUniversalTime(),
        RetractedAt = definition.RetractedAt?.ToUniversalTime(),
        Triggers = definition.Triggers.Select(t => new TriggerRecord
        {
            DefinitionId = t.DefinitionId,
            Version = t.Version,
            NodeId = t.NodeId,
            Kind = (int)t.Kind,
            Value = t.Value,
            TimeZone = t.TimeZone,
        }).ToList(),
    };
}
