using FlowCenter.Engine.Contracts;
using FlowCenter.Runtime.Tasks;
using FlowCenter.Studio.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FlowCenter.Studio.Tasks;

/// <summary>A case's history: every decision, comment and hand-over, with who, when and what.</summary>
public sealed partial class HistoryTimeline
{
    [Inject]
    private IStringLocalizer<Strings> L { get; set; } = null!;

    [Parameter]
    public IReadOnlyList<TaskHistoryEntry> History { get; set; } = [];

    /// <summary>Display names by user name.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string> Names { get; set; } = new Dictionary<string, string>();

    /// <summary>A step's name as the process shows it; the node id without it.</summary>
    [Parameter]
    public Func<string, string>? StepName { get; set; }

    /// <summary>The labels of the node's own outcomes, when the history is of one task.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string>? OutcomeLabels { get; set; }

    private string OutcomeText(string? outcome) => Outcomes.Text(L, outcome, OutcomeLabels);

    private string Name(string? user) => WhoText.Of(L, Names, user);

    private Named Describe(TaskHistoryEntry entry)
    {
        var target = entry.Action is TaskAction.Decide or TaskAction.AutoApprove or TaskAction.Timeout ? OutcomeText(entry.Target) : Name(entry.Target);
        var text = Named.Of(L["History" + entry.Action], target);
        return entry.OnBehalfOf is { } owner ? new Named($"{text.Format} ({L["OnBehalfOf"].Value.Replace("{0}", "{1}", StringComparison.Ordinal)})", [target, Name(owner)]) : text;
    }

    private static Color ColorOf(TaskHistoryEntry entry) => entry switch
    {
        { Action: TaskAction.Decide, Target: TaskOutcomes.Approve } or { Action: TaskAction.AutoApprove } => Color.Success,
        { Action: TaskAction.Decide, Target: TaskOutcomes.Reject } => Color.Error,
        { Action: TaskAction.Return or TaskAction.Escalate or TaskAction.Timeout } => Color.Warning,
        _ => Color.Default,
    };
}
