using FlowCenter.Runtime.Tasks;
using FlowCenter.Studio.Localization;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Tasks;

/// <summary>
/// Why the task service refused an action, in the user's language, from the refusal's reason and parts; the
/// service's English only for a refusal without words of its own here.
/// </summary>
internal static class RefusalText
{
    public static string Of(IStringLocalizer<Strings> l, TaskActionException refusal) => refusal.Reason switch
    {
        TaskRefusal.FormIncomplete when refusal.FormProblems.Count > 0 => l["FormNotFilled", string.Join("; ", refusal.FormProblems.Select(p => FormWords.Of(l, p)))],
        TaskRefusal.Other => refusal.Message,
        _ when l["Refusal_" + refusal.Reason, [.. refusal.Arguments]] is { ResourceNotFound: false } text => text.Value,
        _ => refusal.Message,
    };
}
