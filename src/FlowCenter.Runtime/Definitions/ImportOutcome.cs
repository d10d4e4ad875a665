namespace FlowCenter.Runtime.Definitions;

/// <summary>What an import did: the version that is now current, and whether a new one was made.</summary>
public sealed record ImportOutcome(StoredDefinition Definition, bool Changed);
