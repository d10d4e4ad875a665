namespace FlowCenter.Runtime.Tasks;

public enum TaskItemStatus
{
    /// <summary>Not this person's turn yet (sequential approval, or an approver added before them).</summary>
    Waiting,

    /// <summary>In the assignee's to-do list, or in the pool to be claimed.</summary>
    Open,

    /// <summary>Decided by the assignee (approve, reject, another outcome).</summary>
    Completed,

    /// <summary>Handed to someone else (transfer); the new item carries on.</summary>
    Transferred,

    /// <summary>No longer needed: the step was decided by others, timed out, returned or cancelled.</summary>
    Cancelled,
}
