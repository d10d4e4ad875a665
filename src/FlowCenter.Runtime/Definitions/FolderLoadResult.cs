namespace FlowCenter.Runtime.Definitions;

/// <summary>One file of a folder load: what it became, or why it was not loaded.</summary>
public sealed record FolderLoadResult(string File, ImportOutcome? Outcome, string? Error);
