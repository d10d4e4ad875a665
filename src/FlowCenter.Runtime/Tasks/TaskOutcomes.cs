namespace FlowCenter.Runtime.Tasks;

public static class TaskOutcomes
{
    public const string Approve = "approve";

    public const string Reject = "reject";
}
