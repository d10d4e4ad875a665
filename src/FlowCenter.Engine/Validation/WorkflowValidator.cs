using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Expressions;
using FlowCenter.Engine.Json;

namespace FlowCenter.Engine.Validation;

/// <summary>Finds every problem of a definition at once, each tied to its node or connection.</summary>
public sealed class WorkflowValidator(ActivityRegistry activities, ExpressionEvaluators evaluators)
{
    public IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition)
    {
        var problems = new List<ValidationProblem>();
        CheckDefinition(definition, problems);
        var nodes = new Dictionary<string, NodeDefinition>(StringComparer.Ordinal);
        foreach (var node in definition.Nodes)
        {
            if (string.IsNullOrWhiteSpace(node.Id))
            {
                problems.Add(new(ProblemSeverity.Error, ProblemCodes.MissingId, $"a node of type '{node.Type}' has no id"));
                continue;
            }

            if (!nodes.TryAdd(node.Id, node))
            {
                problems.Add(new(ProblemSeverity.Error, ProblemCodes.DuplicateId, $"node id '{node.Id}' is used more than once", node.Id) { Arguments = ["node", node.Id] });
                continue;
            }

            new NodeChecker(node, activities.Find(node.Type), definition, problems, evaluators).Check();
        }

        CheckConnections(definition, nodes, problems);
        CheckReachability(definition, nodes, problems);
        return problems;
    }

    internal static void CheckExpression(ExpressionEvaluators evaluators, WorkflowExpression expression, ExpressionKind kind, string where, List<ValidationProblem> problems, string? nodeId, string? connectionId)
    {
        var evaluator = evaluators.Find(expression.Language);
        if (evaluator is null)
        {
            problems.Add(new(ProblemSeverity.Error, ProblemCodes.UnknownLanguage, $"{where}: no evaluator for expression language '{expression.Language}'", nodeId, connectionId));
        }
        else if (string.IsNullOrWhiteSpace(expression.Source))
        {
            problems.Add(new(ProblemSeverity.Error, ProblemCodes.ExpressionSyntax, $"{where}: the expression is empty", nodeId, connectionId) { Arguments = [where, ""] });
        }
        else if (evaluator.CheckSyntax(expression.Source, kind) is { } error)
        {
            problems.Add(new(ProblemSeverity.Error, ProblemCodes.ExpressionSyntax, $"{where}: {error}", nodeId, connectionId) { Arguments = [where, error] });
        }
    }

    private static void CheckDefinition(WorkflowDefinition definition, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(definition.Id))
        {
            problems.Add(new(ProblemSeverity.Error, ProblemCodes.MissingId, "the definition has no id"));
        }

        foreach (var name in definition.Variables.Select(v => v.Name).Concat(definition.Inputs.Select(i => "input " + i.Name)).Concat(definition.Outputs.Select(o => "output " + o.Name))
                     .GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new(ProblemSeverity.Error, ProblemCodes.DuplicateId, $"'{name.Key}' is declared more than once") { Arguments = ["declared", name.Key] });
        }

        foreach (var variable in definition.Variables.Where(v => JsonValues.CheckType(v.Type, v.Default) is not null))
        {
            problems.Add(new(ProblemSeverity.Error, ProblemCodes.WrongInputType, $"default of variable '{variable.Name}': {JsonValues.CheckType(variable.Type, variable.Default)}") { Arguments = ["variableDefault", variable.Name] });
        }

        if (definition.Settings.MaxStepsPerBurst < 1)
        {
            problems.Add(new(ProblemSeverity.Error, ProblemCodes.InvalidSetting, "settings.maxStepsPerBurst must be at least 1") { Arguments = ["maxStepsPerBurst"] });
        }
    }

    private void CheckConnections(WorkflowDefinition definition, Dictionary<string, NodeDefinition> nodes, List<ValidationProblem> problems)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var connection in definition.Connections)
        {
            if (string.IsNullOrWhiteSpace(connection.Id))
            {
                problems.Add(new(ProblemSeverity.Error, ProblemCodes.MissingId, $"a connection from '{connection.Source}' to '{connection.Target}' has no id"));
            }
            else if (!ids.Add(connection.Id))
            {
                problems.Add(new(ProblemSeverity.Error, ProblemCodes.DuplicateId, "connection id is used more than once", null, connection.Id) { Arguments = ["connection"] });
            }

            var source = nodes.GetValueOrDefault(connection.Source);
            var target = nodes.GetValueOrDefault(connection.Target);
            if (source is null || target is null)
            {
                var missing = source is null ? $"source node '{connection.Source}'" : $"target node '{connection.Target}'";
                problems.Add(new(ProblemSeverity.Error, ProblemCodes.DanglingConnection, $"{missing} does not exist", null, connection.Id) { Arguments = source is null ? ["source", connection.Source] : ["target", connection.Target] });
                continue;
            }

            var sourceType = activities.Find(source.Type);
            if (sourceType is not null && !sourceType.AnyPort && !sourceType.PortsOf(source).Contains(connection.SourcePort))
            {
                var known = string.Join(", ", sourceType.PortsOf(source));
                problems.Add(new(ProblemSeverity.Error, ProblemCodes.UnknownPort, $"node '{source.Id}' ({source.Type}) has no port '{connection.SourcePort}'; its ports are: {known}", null, connection.Id) { Arguments = [source.Id, connection.SourcePort] });
            }

            if (activities.Find(target.Type) is { IsTrigger: true })
            {
                problems.Add(new(ProblemSeverity.Error, ProblemCodes.TriggerWithIncoming, $"'{target.Id}' is a trigger and cannot have incoming connections", null, connection.Id) { Arguments = [target.Id] });
            }

            if (connection.Condition is { } condition)
            {
                CheckExpression(evaluators, condition, ExpressionKind.Value, "condition", problems, null, connection.Id);
            }
        }
    }

    private void CheckReachability(WorkflowDefinition definition, Dictionary<string, NodeDefinition> nodes, List<ValidationProblem> problems)
    {
        var triggers = nodes.Values.Where(n => activities.Find(n.Type)?.IsTrigger == true).Select(n => n.Id).ToList();
        if (triggers.Count == 0)
        {
            problems.Add(new(ProblemSeverity.Error, ProblemCodes.NoStartNode, "the definition has no start node (Start, Cron or another trigger)"));
            return;
        }

        // A request begins at the first Start only, so a second one never runs by itself: almost always a slip.
        // Triggers of other kinds (a timer, a webhook) beside a Start are normal.
        var starts = nodes.Values.Where(n => n.Type == "Start").Select(n => n.Id).ToList();
        foreach (var extra in starts.Skip(1))
        {
            problems.Add(new(ProblemSeverity.Warning, ProblemCodes.SeveralStarts, $"a second start: requests begin at the first one, '{starts[0]}', so this one is never used", extra) { Arguments = [starts[0]] });
        }

        // A step that waits while the case runs is reached from the case's start as well.
        triggers.AddRange(nodes.Values.Where(n => activities.Find(n.Type)?.Activity is IBackgroundActivity).Select(n => n.Id));
        var next = definition.Connections.ToLookup(c => c.Source, c => c.Target, StringComparer.Ordinal);
        var seen = new HashSet<string>(triggers, StringComparer.Ordinal);
        var stack = new Stack<string>(triggers);
        while (stack.TryPop(out var id))
        {
            foreach (var target in next[id].Where(seen.Add))
            {
                stack.Push(target);
            }
        }

        foreach (var node in nodes.Values.Where(n => !seen.Contains(n.Id)))
        {
            problems.Add(new(ProblemSeverity.Error, ProblemCodes.UnreachableNode, "no path leads here from a start node", node.Id));
        }
    }
}
