using FlowCenter.Engine.State;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Localization;

/// <summary>The states of steps and of cases in the user's words, the same phrase on every page.</summary>
public static class StatusWords
{
    public static string Of(IStringLocalizer<Strings> l, JournalStatus status) => status switch
    {
        JournalStatus.Running => l["StepRunning"],
        JournalStatus.Waiting => l["StepWaiting"],
        JournalStatus.Completed => l["StepCompleted"],
        JournalStatus.Failed => l["StepFailed"],
        _ => l["StepCancelled"],
    };

    public static string Of(IStringLocalizer<Strings> l, WorkflowStatus status) => l["Instance" + status];

    /// <summary>An instance's state for operators: suspended with no open problem means an operator holds it.</summary>
    public static string Of(IStringLocalizer<Strings> l, WorkflowStatus status, int openIncidents) =>
        status == WorkflowStatus.Suspended && openIncidents == 0 ? l["InstanceSuspendedByOperator"] : Of(l, status);

    /// <summary>
    /// A case's state as its people read it, the same phrase in the inbox and on the request page: "Waiting at
    /// Manager approval", "Held up at Book in ERP; operators are told", "Completed".
    /// </summary>
    public static Named OfCase(IStringLocalizer<Strings> l, WorkflowStatus status, bool heldUp, IEnumerable<string> steps)
    {
        var where = string.Join(", ", steps.Distinct());
        return heldUp && where.Length > 0 ? Named.Of(l["RequestHeldUpChip"], where) : status switch
        {
            WorkflowStatus.Completed => Named.Plain(l["RequestCompleted"]),
            WorkflowStatus.Waiting => Named.Of(l["RequestWaiting"], where),
            WorkflowStatus.Cancelled => Named.Plain(l["RequestCancelled"]),
            // Suspended without an open problem: an operator holds the case.
            WorkflowStatus.Suspended when !heldUp => Named.Plain(l["RequestPaused"]),
            WorkflowStatus.Faulted or WorkflowStatus.Suspended => Named.Plain(l["RequestStuck"]),
            _ => Named.Plain(Of(l, status)),
        };
    }
}
