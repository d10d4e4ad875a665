using System.Collections.Concurrent;
using FlowCenter.Engine.Execution;
using FlowCenter.Runtime.Definitions;

namespace FlowCenter.Runtime.Execution;

/// <summary>Prepared definitions by id and version. Published versions never change, so they are kept.</summary>
public sealed class WorkflowCache(IDefinitionStore store, WorkflowEngine engine)
{
    private readonly ConcurrentDictionary<(string Id, int Version), ExecutableWorkflow> _prepared = new();

    public async ValueTask<ExecutableWorkflow> GetAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        if (_prepared.TryGetValue((definitionId, version), out var workflow))
        {
            return workflow;
        }

        var stored = await store.FindAsync(definitionId, version, cancellationToken)
            ?? throw new KeyNotFoundException($"Definition '{definitionId}' has no version {version}.");
        workflow = engine.Prepare(DefinitionService.ParseStored(stored));
        if (stored.Status != DefinitionStatus.Draft)
        {
            _prepared[(definitionId, version)] = workflow;
        }

        return workflow;
    }

    /// <summary>The current published version.</summary>
    public async ValueTask<ExecutableWorkflow> GetCurrentAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var current = await store.FindCurrentAsync(definitionId, cancellationToken)
            ?? throw new KeyNotFoundException($"Definition '{definitionId}' has no published version.");
        return await GetAsync(definitionId, current.Version, cancellationToken);
    }
}
