using FlowCenter.Engine.Contracts;
using FlowCenter.Studio.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Tasks;

/// <summary>How an outcome is shown: its words in the user's language and its colour.</summary>
internal static class Outcomes
{
    /// <summary>The node's own label of an outcome when it gives one, else the outcome in the user's language.</summary>
    public static string Text(IStringLocalizer<Strings> l, string? outcome, IReadOnlyDictionary<string, string>? labels) =>
        outcome is not null && labels?.GetValueOrDefault(outcome) is { } label ? label : Text(l, outcome);

    public static string Text(IStringLocalizer<Strings> l, string? outcome) => outcome switch
    {
        TaskOutcomes.Approve => l["OutcomeApprove"],
        TaskOutcomes.Reject => l["OutcomeReject"],
        TaskOutcomes.Return => l["OutcomeReturn"],
        "transferred" => l["OutcomeTransferred"],
        null => "",
        _ => outcome,
    };

    public static Color Color(string? outcome) => outcome switch
    {
        TaskOutcomes.Approve => MudBlazor.Color.Success,
        TaskOutcomes.Reject => MudBlazor.Color.Error,
        TaskOutcomes.Return => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };
}
