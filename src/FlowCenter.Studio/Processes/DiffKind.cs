namespace FlowCenter.Studio.Processes;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}
