using FlowCenter.Runtime.Instances;
using FlowCenter.Studio.Localization;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Tasks;

/// <summary>
/// Who or what started a case or acted in it, as people read it: a person's name, "system event: order
/// confirmed", "schedule", "another process", FlowCenter itself; never the stored "event:order.confirmed".
/// </summary>
internal static class WhoText
{
    /// <summary>A person who acted, or who or what started a case, from its stored text.</summary>
    public static string Of(IStringLocalizer<Strings> l, IReadOnlyDictionary<string, string> names, string? who) => Of(l, names, Starter.Parse(who));

    public static string Of(IStringLocalizer<Strings> l, IReadOnlyDictionary<string, string> names, Starter? who) => who switch
    {
        null => "",
        { Kind: StarterKind.System } => l["System"],
        { Kind: StarterKind.Api } => l["StartedByApi"],
        { Kind: StarterKind.Event } e => l["StartedByEvent", names.GetValueOrDefault(e.ToString()) ?? Words(e.Name)],
        { Kind: StarterKind.Schedule } => l["StartedBySchedule"],
        { Kind: StarterKind.Parent } => l["StartedByParent"],
        { Kind: StarterKind.Webhook } w => l["StartedByEvent", Words(w.Name)],
        { } person => names.GetValueOrDefault(person.Name, person.Name),
    };

    /// <summary>"order.confirmed" or "order_confirmed" as "order confirmed".</summary>
    private static string Words(string name) => string.Join(' ', name.Split(['.', '_', '-', ':'], StringSplitOptions.RemoveEmptyEntries));
}
