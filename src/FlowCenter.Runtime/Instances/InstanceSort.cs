namespace FlowCenter.Runtime.Instances;

/// <summary>The order of an instance list: by start or by last change, newest or oldest first.</summary>
public enum InstanceSort
{
    StartedNewest,
    StartedOldest,
    UpdatedNewest,
    UpdatedOldest,
}
