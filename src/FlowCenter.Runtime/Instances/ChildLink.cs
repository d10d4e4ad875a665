using FlowCenter.Engine.State;

namespace FlowCenter.Runtime.Instances;

/// <summary>A parent waiting at a sub-process bookmark, and its child if one was started.</summary>
public sealed record ChildLink(string ParentInstanceId, string BookmarkId, string? ChildInstanceId, WorkflowStatus? ChildStatus);
