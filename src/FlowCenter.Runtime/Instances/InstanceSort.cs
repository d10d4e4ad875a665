namespace FlowCenter.Runtime.Instances;

/// <summary>
/// The order of an instance list: by start or by last change, newest or oldest first; or by duration, where a
/// running instance's duration is the time since it started.
/// </summary>
public enum InstanceSort
{
    StartedNewest,
    StartedOldest,
    UpdatedNewest,
    UpdatedOldest,
    LongestFirst,
    ShortestFirst,
}
