namespace FlowCenter.Runtime.Tasks;

/// <summary>What a person (or the system) did to a step.</summary>
public enum TaskAction
{
    Created,
    Assigned,
    Decide,
    Comment,
    Transfer,
    Delegate,
    AddBefore,
    AddAfter,
    Claim,
    Unclaim,
    CarbonCopy,
    Return,
    Remind,
    Escalate,
    Timeout,
    AutoApprove,
    Closed,
    Attach,

    /// <summary>A decision the case could not take (its data could not be stored): the step is open again.</summary>
    Reopened,
}
