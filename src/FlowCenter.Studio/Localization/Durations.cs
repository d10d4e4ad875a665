using System.Globalization;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Localization;

/// <summary>How long something took, in the user's language and at the precision that matters for its size.</summary>
public static class Durations
{
    public static string Text(IStringLocalizer<Strings> l, TimeSpan? duration) => duration switch
    {
        null => "",
        { TotalSeconds: < 1 } d => l["DurationMilliseconds", d.TotalMilliseconds.ToString("0.###", CultureInfo.CurrentCulture)],
        { TotalMinutes: < 1 } d => l["DurationSeconds", d.TotalSeconds.ToString("0.#", CultureInfo.CurrentCulture)],
        { TotalHours: < 1 } d => l["DurationMinutes", (int)d.TotalMinutes, d.Seconds],
        { TotalDays: < 1 } d => l["DurationHours", (int)d.TotalHours, d.Minutes],
        { } d => l["DurationDays", (int)d.TotalDays, d.Hours],
    };
}
