namespace FlowCenter.Engine.State;

public enum JournalStatus
{
    Running,
    Waiting,
    Completed,
    Failed,
    Cancelled,
}
