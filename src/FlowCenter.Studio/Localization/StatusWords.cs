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
}
