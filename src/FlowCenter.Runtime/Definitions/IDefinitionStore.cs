using FlowCenter.Engine.Contracts;
namespace FlowCenter.Runtime.Definitions;

/// <summary>Definition versions. Implementations keep a published version's JSON unchanged.</summary>
public interface IDefinitionStore
{
    Task<StoredDefinition?> FindAsync(string definitionId, int version, CancellationToken cancellationToken = default);

    /// <summary>The highest version in any status.</summary>
    Task<StoredDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>The published version new instances start on.</summary>
    Task<StoredDefinition?> FindCurrentAsync(string definitionId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredDefinition>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>The highest version of every definition.</summary>
    Task<IReadOnlyList<StoredDefinition>> ListLatestAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts a version or updates it; <paramref name="changed"/> lists other versions whose status or currency
    /// changed with it. Throws <see cref="Instances.ConcurrencyConflictException"/> when another writer inserted the version first.
    /// </summary>
    Task SaveAsync(StoredDefinition definition, IReadOnlyList<StoredDefinition>? changed = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes every version of a definition; false when there was none.</summary>
    Task<bool> DeleteAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>Triggers of current versions.</summary>
    Task<IReadOnlyList<DefinitionTrigger>> FindTriggersAsync(TriggerKind kind, string? value = null, CancellationToken cancellationToken = default);
}
