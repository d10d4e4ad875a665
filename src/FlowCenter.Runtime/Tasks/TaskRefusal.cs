namespace FlowCenter.Runtime.Tasks;

/// <summary>
/// Why the task service refused an action, so that a page can say it in the user's language from the
/// refusal's parts (<see cref="TaskActionException.Arguments"/>); the exception's message is the API's English.
/// </summary>
public enum TaskRefusal
{
    Other,
    NoTask,
    NoUser,
    FormTooLarge,
    AlreadyDecided,
    AlreadyClosed,
    NotApplied,
    AlreadyClaimed,
    MayNotClaim,
    NotFromPool,
    NotAnOutcome,
    FormIncomplete,
    CannotReturnThere,
    NotAnAction,
    NotYourTurn,
    AlreadyHandled,
    ClaimFirst,
    AssignedToOther,
    NoOneToCopy,
    TooManyToCopy,
    NoSuchPeopleToCopy,
    NoSuchPerson,
    NotYourself,
    FileTooLarge,
    MayNotAttach,
}
