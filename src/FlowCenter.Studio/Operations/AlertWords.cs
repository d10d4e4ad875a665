using System.Globalization;
using FlowCenter.Runtime.Alerts;
using FlowCenter.Studio.Localization;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Operations;

/// <summary>
/// An alert's or a needs-attention item's facts in the reader's language, with the step's name ("LV-7: at Manager
/// approval since 4 Dec 18:08"); the runtime's English summary only for an alert stored before facts were kept.
/// </summary>
internal static class AlertWords
{
    public static string Of(IStringLocalizer<Strings> l, AlertKind kind, AlertFacts? facts, string? step, string? summary)
    {
        if (facts is null)
        {
            return summary ?? "";
        }

        var since = facts.Since?.ToLocalTime().ToString("g", CultureInfo.CurrentCulture) ?? "";
        var who = facts.Case ?? "";
        return kind switch
        {
            AlertKind.IncidentOpened => l["AlertFactsIncident", who, step ?? "", facts.Detail ?? ""],
            AlertKind.InstanceTooLong => l["AlertFactsRunning", who, since],
            AlertKind.StepStuck => l["AlertFactsStuck", who, step ?? "", since],
            AlertKind.TaskOverdue => l["AlertFactsOverdue", who, facts.Detail ?? step ?? "", since],
            AlertKind.FailureRate => l["AlertFactsRate", facts.Failed ?? 0, facts.Runs ?? 0,
                ((double)(facts.Failed ?? 0) / Math.Max(1, facts.Runs ?? 1)).ToString("P0", CultureInfo.CurrentCulture), since],
            _ => l["AlertFactsSilent", since],
        };
    }
}
