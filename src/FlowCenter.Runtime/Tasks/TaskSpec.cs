using System.Text.Json.Nodes;
using FlowCenter.Engine.Json;

namespace FlowCenter.Runtime.Tasks;

/// <summary>What a user-task node asked for, read from its bookmark's data.</summary>
public sealed class TaskSpec
{
    public string AssignTo { get; set; } = "user";

    public List<string> Assignee { get; set; } = [];

    public int ManagerLevels { get; set; } = 1;

    public string Mode { get; set; } = "single";

    public int Percent { get; set; } = 50;

    public bool AutoApprove { get; set; }

    public List<string> CandidateUsers { get; set; } = [];

    public List<string> CandidateGroups { get; set; } = [];

    public List<string> CarbonCopy { get; set; } = [];

    public List<string> Outcomes { get; set; } = ["approve", "reject"];

    /// <summary>What the buttons of the node's own outcomes say (<c>pay</c>: "付款 / Pay").</summary>
    public Dictionary<string, string> OutcomeLabels { get; set; } = [];

    public JsonObject? Form { get; set; }

    public JsonObject? FieldAccess { get; set; }

    public string TimeoutAction { get; set; } = "none";

    public TimeSpan? RemindEvery { get; set; }

    public bool IsApproval => Outcomes.Contains(TaskOutcomes.Approve) && Outcomes.Contains(TaskOutcomes.Reject);

    public static TaskSpec FromBookmarkData(JsonObject? data) => new()
    {
        AssignTo = JsonValues.ToText(data?["assignTo"]) ?? "user",
        Assignee = [.. JsonValues.ToStringList(data?["assignee"])],
        ManagerLevels = data?["managerLevels"] is { } levels ? (int)JsonValues.NumberOf(levels) : 1,
        Mode = JsonValues.ToText(data?["mode"]) ?? "single",
        Percent = data?["percent"] is { } percent ? (int)JsonValues.NumberOf(percent) : 50,
        AutoApprove = data?["autoApprove"] is { } auto && JsonValues.IsTruthy(auto),
        CandidateUsers = [.. JsonValues.ToStringList(data?["candidateUsers"])],
        CandidateGroups = [.. JsonValues.ToStringList(data?["candidateGroups"])],
        CarbonCopy = [.. JsonValues.ToStringList(data?["carbonCopy"])],
        Outcomes = data?["outcomes"] is { } outcomes ? [.. JsonValues.ToStringList(outcomes)] : ["approve", "reject"],
        OutcomeLabels = data?["outcomeLabels"] is JsonObject labels
            ? labels.Where(l => JsonValues.ToText(l.Value) is { Length: > 0 }).ToDictionary(l => l.Key, l => JsonValues.ToText(l.Value)!, StringComparer.Ordinal)
            : [],
        Form = data?["form"]?.DeepClone() as JsonObject,
        FieldAccess = data?["fieldAccess"]?.DeepClone() as JsonObject,
        TimeoutAction = JsonValues.ToText(data?["timeoutAction"]) ?? "none",
        RemindEvery = JsonValues.ToText(data?["remindEvery"]) is { Length: > 0 } every ? System.Xml.XmlConvert.ToTimeSpan(every) : null,
    };
}
