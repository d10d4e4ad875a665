using FlowCenter.Engine.Contracts;
using System.Security.Cryptography;
using System.Text;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Serialization;
using FlowCenter.Runtime.Instances;

namespace FlowCenter.Runtime.Definitions;

/// <summary>
/// Versioning: a draft can change until it is published; a published version never changes and is the
/// one new instances start on until a newer one is published or it is retracted.
/// </summary>
public sealed class DefinitionService(IDefinitionStore store, IInstanceStore instances, WorkflowEngine engine, TimeProvider clock, IEnumerable<IDefinitionChangeHandler> handlers, Audit.AuditTrail audit)
{
    /// <summary>Saves a draft: the latest version when it is a draft, else a new version.</summary>
    public async Task<StoredDefinition> SaveDraftAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        var latest = await store.FindLatestAsync(definition.Id, cancellationToken);
        var version = latest is { Status: DefinitionStatus.Draft } ? latest.Version : (latest?.Version ?? 0) + 1;
        var stored = ToStored(definition, version, latest is { Status: DefinitionStatus.Draft } ? latest.CreatedAt : clock.GetUtcNow());
        await store.SaveAsync(stored, cancellationToken: cancellationToken);
        await audit.RecordAsync(Audit.AuditActions.DefinitionSaved, $"definition:{stored.DefinitionId} v{stored.Version}", latest is { Status: DefinitionStatus.Draft } ? "draft changed" : "new draft", cancellationToken);
        return stored;
    }

    /// <summary>Publishes a draft after validating it; it becomes the version new instances start on.</summary>
    public async Task<StoredDefinition> PublishAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        var stored = await store.FindAsync(definitionId, version, cancellationToken)
            ?? throw new DefinitionVersionException($"Definition '{definitionId}' has no version {version}.");
        if (stored.Status != DefinitionStatus.Draft)
        {
            throw new DefinitionVersionException($"Version {version} of '{definitionId}' is {stored.Status.ToString().ToLowerInvariant()}; only a draft can be published.");
        }

        engine.Prepare(ParseStored(stored));
        var current = await store.FindCurrentAsync(definitionId, cancellationToken);
        stored.Status = DefinitionStatus.Published;
        stored.PublishedAt = clock.GetUtcNow();
        stored.IsCurrent = current is null || current.Version < version;
        if (stored.IsCurrent && current is not null)
        {
            current.IsCurrent = false;
        }

        await store.SaveAsync(stored, current is null ? null : [current], cancellationToken);
        await NotifyAsync(definitionId, cancellationToken);
        await audit.RecordAsync(Audit.AuditActions.DefinitionPublished, $"definition:{definitionId} v{version}", current is null ? null : $"current: v{current.Version} → v{(stored.IsCurrent ? version : current.Version)}", cancellationToken);
        return stored;
    }

    /// <summary>Retracts a published version: it starts nothing more; running instances go on.</summary>
    public async Task<StoredDefinition> RetractAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        var stored = await store.FindAsync(definitionId, version, cancellationToken)
            ?? throw new DefinitionVersionException($"Definition '{definitionId}' has no version {version}.");
        if (stored.Status != DefinitionStatus.Published)
        {
            throw new DefinitionVersionException($"Version {version} of '{definitionId}' is not published.");
        }

        stored.Status = DefinitionStatus.Retracted;
        stored.RetractedAt = clock.GetUtcNow();
        List<StoredDefinition> changed = [];
        if (stored.IsCurrent)
        {
            stored.IsCurrent = false;
            var previous = (await store.ListVersionsAsync(definitionId, cancellationToken))
                .Where(v => v.Status == DefinitionStatus.Published && v.Version != version)
                .MaxBy(v => v.Version);
            if (previous is not null)
            {
                previous.IsCurrent = true;
                changed.Add(previous);
            }
        }

        await store.SaveAsync(stored, changed, cancellationToken);
        await NotifyAsync(definitionId, cancellationToken);
        await audit.RecordAsync(Audit.AuditActions.DefinitionRetracted, $"definition:{definitionId} v{version}", null, cancellationToken);
        return stored;
    }

    /// <summary>
    /// Imports a definition file and publishes it. A new version is made only when the content differs
    /// from the latest version's; re-importing the same file changes nothing.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        try
        {
            return await ImportOnceAsync(definition, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Another node imported the same folder at the same moment; look again at what it stored.
            return await ImportOnceAsync(definition, cancellationToken);
        }
    }

    private async Task<ImportOutcome> ImportOnceAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        engine.Prepare(definition);
        var hash = ContentHash(definition);
        var latest = await store.FindLatestAsync(definition.Id, cancellationToken);
        if (latest is not null && latest.ContentHash == hash && latest.Status != DefinitionStatus.Draft)
        {
            return new ImportOutcome(latest, Changed: false);
        }

        var draft = await SaveDraftAsync(definition, cancellationToken);
        return new ImportOutcome(await PublishAsync(draft.DefinitionId, draft.Version, cancellationToken), Changed: true);
    }

    private async Task NotifyAsync(string definitionId, CancellationToken cancellationToken)
    {
        foreach (var handler in handlers)
        {
            await handler.CurrentVersionChangedAsync(definitionId, cancellationToken);
        }
    }

    /// <summary>Deletes a definition with all its versions; refused while any instance of it exists.</summary>
    public async Task DeleteAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var count = (await instances.QueryAsync(new InstanceQuery { DefinitionId = definitionId, Take = 1 }, cancellationToken)).Total;
        if (count > 0)
        {
            throw new DefinitionVersionException($"'{definitionId}' has {count} instance(s); retract it instead of deleting it.");
        }

        await store.DeleteAsync(definitionId, cancellationToken);
        await NotifyAsync(definitionId, cancellationToken);
        await audit.RecordAsync(Audit.AuditActions.DefinitionDeleted, $"definition:{definitionId}", "every version", cancellationToken);
    }

    /// <summary>Copies a stored version into a new draft, as the latest version.</summary>
    public async Task<StoredDefinition> RevertAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        var stored = await store.FindAsync(definitionId, version, cancellationToken)
            ?? throw new DefinitionVersionException($"Definition '{definitionId}' has no version {version}.");
        return await SaveDraftAsync(ParseStored(stored), cancellationToken);
    }

    // Reads: pages and endpoints come through the service, not to the store.

    public Task<StoredDefinition?> FindAsync(string definitionId, int version, CancellationToken cancellationToken = default) => store.FindAsync(definitionId, version, cancellationToken);

    /// <summary>The highest version in any status.</summary>
    public Task<StoredDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken = default) => store.FindLatestAsync(definitionId, cancellationToken);

    public Task<IReadOnlyList<StoredDefinition>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default) => store.ListVersionsAsync(definitionId, cancellationToken);

    /// <summary>The highest version of every definition.</summary>
    public Task<IReadOnlyList<StoredDefinition>> ListLatestAsync(CancellationToken cancellationToken = default) => store.ListLatestAsync(cancellationToken);

    /// <summary>One version, read; null when there is none.</summary>
    public async Task<WorkflowDefinition?> ReadAsync(string definitionId, int version, CancellationToken cancellationToken = default) =>
        await store.FindAsync(definitionId, version, cancellationToken) is { } stored ? ParseStored(stored) : null;

    /// <summary>The highest version of every definition, read.</summary>
    public async Task<IReadOnlyList<WorkflowDefinition>> ReadLatestAsync(CancellationToken cancellationToken = default) =>
        [.. (await store.ListLatestAsync(cancellationToken)).Select(ParseStored)];

    /// <summary>The version new instances start on, of every definition that has one.</summary>
    public async Task<IReadOnlyList<StoredDefinition>> ListCurrentAsync(CancellationToken cancellationToken = default)
    {
        var current = new List<StoredDefinition>();
        foreach (var latest in await store.ListLatestAsync(cancellationToken))
        {
            if (await store.FindCurrentAsync(latest.DefinitionId, cancellationToken) is { } stored)
            {
                current.Add(stored);
            }
        }

        return current;
    }

    /// <summary>The version new instances start on, of every definition that has one, read.</summary>
    public async Task<IReadOnlyList<WorkflowDefinition>> ReadCurrentAsync(CancellationToken cancellationToken = default) =>
        [.. (await ListCurrentAsync(cancellationToken)).Select(ParseStored)];

    public static WorkflowDefinition ParseStored(StoredDefinition stored) =>
        WorkflowJson.ParseDefinition(stored.Json, $"{stored.DefinitionId} v{stored.Version}");

    /// <summary>SHA-256 of the canonical JSON without the version number and the $schema hint.</summary>
    public static string ContentHash(WorkflowDefinition definition)
    {
        var (version, schema) = (definition.Version, definition.Schema);
        definition.Version = 0;
        definition.Schema = null;
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(WorkflowJson.Write(definition))));
        }
        finally
        {
            (definition.Version, definition.Schema) = (version, schema);
        }
    }

    private StoredDefinition ToStored(WorkflowDefinition definition, int version, DateTimeOffset createdAt)
    {
        var hash = ContentHash(definition);
        definition.Version = version;
        return new StoredDefinition
        {
            DefinitionId = definition.Id,
            Version = version,
            Name = definition.Name,
            Description = definition.Description,
            Status = DefinitionStatus.Draft,
            Json = WorkflowJson.Write(definition),
            ContentHash = hash,
            CreatedAt = createdAt,
            Triggers = TriggersOf(definition, version),
        };
    }

    /// <summary>The triggers of a version: its nodes whose activity is a trigger (event start, cron schedule).</summary>
    private List<DefinitionTrigger> TriggersOf(WorkflowDefinition definition, int version) =>
        [.. definition.Nodes
            .Select(n => (Node: n, Trigger: engine.Activities.Find(n.Type)?.Activity is ITriggerActivity trigger ? trigger.TriggerOf(n) : null))
            .Where(t => t.Trigger is not null)
            .Select(t => new DefinitionTrigger(definition.Id, version, t.Node.Id, t.Trigger!.Kind, t.Trigger.Value, t.Trigger.TimeZone))];
}
