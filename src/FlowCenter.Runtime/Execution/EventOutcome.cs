namespace FlowCenter.Runtime.Execution;

/// <summary>What publishing an event did: waits it resumed and instances it started.</summary>
public sealed record EventOutcome(int Resumed, IReadOnlyList<string> StartedInstanceIds);
