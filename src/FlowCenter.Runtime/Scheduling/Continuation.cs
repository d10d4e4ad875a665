namespace FlowCenter.Runtime.Scheduling;

/// <summary>Work that follows a commit, carrying ids only.</summary>
public sealed record Continuation(ContinuationKind Kind, string InstanceId, string? BookmarkId = null);
