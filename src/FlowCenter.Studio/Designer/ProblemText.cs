using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Validation;
using FlowCenter.Studio.Localization;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Designer;

/// <summary>
/// A validation problem in the user's language, from its code and parts (an input is named by its label, a
/// step by its name, a port by its words); a problem without words of its own keeps the engine's English.
/// </summary>
public sealed class ProblemText(IStringLocalizer<Strings> l, ActivityText words, ActivityRegistry activities)
{
    /// <summary>Where a problem is: the step's or the connection's name as the process shows it.</summary>
    public string Where(ValidationProblem problem, WorkflowDefinition? definition)
    {
        if (problem.NodeId is { } nodeId)
        {
            return definition?.Nodes.Find(n => n.Id == nodeId)?.Label ?? nodeId;
        }

        if (problem.ConnectionId is { } connectionId && definition?.Connections.Find(c => c.Id == connectionId) is { } connection)
        {
            return l["ProblemConnection", StepName(definition, connection.Source), StepName(definition, connection.Target)];
        }

        return problem.ConnectionId ?? "";
    }

    public string Of(ValidationProblem problem, WorkflowDefinition? definition) => Of(problem, definition?.Nodes ?? []);

    /// <summary>As <see cref="Of(ValidationProblem, WorkflowDefinition?)"/>, from the process's nodes.</summary>
    public string Of(ValidationProblem problem, IReadOnlyList<NodeDefinition> nodes)
    {
        var node = problem.NodeId is { } id ? nodes.FirstOrDefault(n => n.Id == id) : null;
        var args = problem.Arguments;
        return (problem.Code, args.Count) switch
        {
            (ProblemCodes.MissingInput, 1) => l["ProblemMissingInput", InputLabel(node, args[0])],
            (ProblemCodes.UnreachableNode, _) => l["ProblemUnreachable"],
            (ProblemCodes.NoStartNode, _) => l["ProblemNoStart"],
            (ProblemCodes.UnusedPort, 1) when args[0] == "branch" => l["ProblemNoBranch"],
            (ProblemCodes.UnusedPort, 1) => l["ProblemPortUnused", words.Port(node, args[0])],
            (ProblemCodes.MissingCondition, 1) => l["ProblemMissingCondition", words.Port(node, args[0])],
            (ProblemCodes.NoAssignee, _) => l["ProblemNoAssignee"],
            (ProblemCodes.SeveralStarts, 1) => l["ProblemSeveralStarts", nodes.FirstOrDefault(n => n.Id == args[0])?.Label ?? args[0]],
            (ProblemCodes.UnknownActivity, 1) => l["ProblemUnknownActivity", args[0]],
            (ProblemCodes.LiteralRequired, 1) => l["ProblemLiteralRequired", InputLabel(node, args[0])],
            (ProblemCodes.InvalidSetting or ProblemCodes.DuplicateId or ProblemCodes.DanglingConnection or ProblemCodes.UnknownInput, > 0) or (ProblemCodes.WrongInputType, 2)
                => Topic(problem, node) ?? problem.Message,
            (ProblemCodes.WrongInputType, 3) when args[0] == "transform" => Topic(problem, node) ?? problem.Message,
            (ProblemCodes.WrongInputType, 3) => l["ProblemNotAChoice", InputLabel(node, args[0]), args[1]],
            (ProblemCodes.UnknownPort, 2) => l["ProblemUnknownPort", nodes.FirstOrDefault(n => n.Id == args[0])?.Label ?? args[0], args[1]],
            (ProblemCodes.TriggerWithIncoming, 1) => l["ProblemTriggerWithIncoming", nodes.FirstOrDefault(n => n.Id == args[0])?.Label ?? args[0]],
            (ProblemCodes.ExpressionSyntax, 2) => l[args[1].Length == 0 ? "ProblemExpressionEmpty" : "ProblemExpressionSyntax", Place(node, args[0]), args[1]],
            _ => problem.Message,
        };
    }

    /// <summary>
    /// A problem whose first argument names what it is about ("joinCount", "timeout", "case"...): its words are
    /// the resource for the code's kind and that topic, the other arguments set in; none when there are none.
    /// </summary>
    private string? Topic(ValidationProblem problem, NodeDefinition? node)
    {
        var prefix = problem.Code switch
        {
            ProblemCodes.InvalidSetting => "ProblemSetting_",
            ProblemCodes.DuplicateId => "ProblemDuplicate_",
            ProblemCodes.DanglingConnection => "ProblemDangling_",
            ProblemCodes.UnknownInput => "ProblemUnknown_",
            _ => "ProblemType_",
        };
        var args = problem.Arguments;
        object[] parts = args[0] switch
        {
            "input" when args.Count > 1 => [InputLabel(node, args[1])],
            "defaultPortTwice" => [words.Port(node, Ports.Default)],
            _ => [.. args.Skip(1)],
        };
        var text = l[prefix + args[0], parts];
        return text.ResourceNotFound ? null : text.Value;
    }

    private static string StepName(WorkflowDefinition? definition, string nodeId) => definition?.Nodes.Find(n => n.Id == nodeId)?.Label ?? nodeId;

    private string InputLabel(NodeDefinition? node, string input) =>
        node is not null && activities.Find(node.Type) is { } activity && activity.FindInput(input) is { } descriptor ? words.Input(activity, descriptor) : input;

    // The engine names an expression's place "input 'x'" or "condition".
    private string Place(NodeDefinition? node, string where) =>
        where.StartsWith("input '", StringComparison.Ordinal) && where.EndsWith('\'') ? InputLabel(node, where[7..^1])
        : where == "condition" ? l["Condition"]
        : where;
}
