using FlowCenter.Studio.Localization;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Tasks;

/// <summary>
/// Who or what started a case or acted in it, as people read it: a person's name, "system event: order
/// confirmed", "schedule", "another process", FlowCenter itself; never the stored "event:order.confirmed".
/// </summary>
internal static class WhoText
{
    public static string Of(IStringLocalizer<Strings> l, IReadOnlyDictionary<string, string> names, string? who) => who switch
    {
        null or "" => "",
        "system" => l["System"],
        "api" => l["StartedByApi"],
        _ when who.StartsWith("event:", StringComparison.Ordinal) => l["StartedByEvent", names.GetValueOrDefault(who) ?? Words(who["event:".Length..])],
        _ when who.StartsWith("cron", StringComparison.Ordinal) || who.StartsWith("schedule", StringComparison.Ordinal) => l["StartedBySchedule"],
        _ when who.StartsWith("parent:", StringComparison.Ordinal) => l["StartedByParent"],
        _ when who.StartsWith("webhook:", StringComparison.Ordinal) => l["StartedByEvent", Words(who["webhook:".Length..])],
        _ => names.GetValueOrDefault(who, who),
    };

    /// <summary>"order.confirmed" or "order_confirmed" as "order confirmed".</summary>
    private static string Words(string name) => string.Join(' ', name.Split(['.', '_', '-', ':'], StringSplitOptions.RemoveEmptyEntries));
}
