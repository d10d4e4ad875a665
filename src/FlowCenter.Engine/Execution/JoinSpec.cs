namespace FlowCenter.Engine.Execution;

/// <summary>How a merging node waits for its incoming paths.</summary>
public sealed record JoinSpec(JoinMode Mode, int Count = 1, bool CancelRemaining = false);
