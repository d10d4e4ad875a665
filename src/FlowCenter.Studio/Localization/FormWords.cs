using FlowCenter.Runtime.Tasks;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Localization;

/// <summary>A form's problem in the user's language, from its code and parts (the API keeps the English message).</summary>
public static class FormWords
{
    public static string Of(IStringLocalizer<Strings> l, FormProblem problem)
    {
        var where = problem.Row is null ? problem.Field : l["FormCell", problem.Field, problem.Row, problem.Column ?? ""].Value;
        return l["Form" + problem.Code, [where, .. problem.Arguments]];
    }
}
