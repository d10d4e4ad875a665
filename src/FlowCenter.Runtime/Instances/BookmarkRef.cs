namespace FlowCenter.Runtime.Instances;

/// <summary>Where a bookmark waits.</summary>
public sealed record BookmarkRef(string InstanceId, string BookmarkId, DateTimeOffset? DueAt = null);
