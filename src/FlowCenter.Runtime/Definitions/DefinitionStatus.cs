namespace FlowCenter.Runtime.Definitions;

/// <summary>The life of a definition version: drafts change, published versions are immutable, retracted ones start nothing.</summary>
public enum DefinitionStatus
{
    Draft,
    Published,
    Retracted,
}
