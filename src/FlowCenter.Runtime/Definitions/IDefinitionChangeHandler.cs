namespace FlowCenter.Runtime.Definitions;

/// <summary>Hears when a definition's current published version changed (published, retracted), to re-arm its schedules.</summary>
public interface IDefinitionChangeHandler
{
    Task CurrentVersionChangedAsync(string definitionId, CancellationToken cancellationToken);
}
