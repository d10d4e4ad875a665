using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;

namespace FlowCenter.Benchmarks;

/// <summary>The definitions the engine benchmark runs.</summary>
internal static class BenchmarkCases
{
    /// <summary>(a) Start and 10 sequential SetVariable nodes with literal values.</summary>
    public static WorkflowDefinition SequentialLiterals() => Sequential("a-literals", i => InputValue.FromLiteral(JsonValue.Create(i)));

    /// <summary>(c) As (a), with a JavaScript expression in every node.</summary>
    public static WorkflowDefinition SequentialJavaScript() =>
        Sequential("c-javascript", i => InputValue.FromExpression(i == 1 ? "input.seed + 1" : $"v{i - 1} * 2 + 1"));

    /// <summary>(b) Decision, Fork and Join: ten nodes.</summary>
    public static WorkflowDefinition DecisionForkJoin()
    {
        var definition = new WorkflowDefinition { Id = "b-decision-fork-join", Name = "b" };
        Add(definition, "start", "Start");
        Add(definition, "set", "SetVariable", ("name", InputValue.FromLiteral("kind")), ("value", InputValue.FromLiteral("standard")));
        Add(definition, "decide", "Decision");
        Add(definition, "fork", "Fork");
        Add(definition, "a", "SetVariable", ("name", InputValue.FromLiteral("a")), ("value", InputValue.FromLiteral(1)));
        Add(definition, "b", "SetVariable", ("name", InputValue.FromLiteral("b")), ("value", InputValue.FromLiteral(2)));
        Add(definition, "c", "SetVariable", ("name", InputValue.FromLiteral("c")), ("value", InputValue.FromLiteral(3)));
        Add(definition, "join", "Join");
        Add(definition, "express", "SetVariable", ("name", InputValue.FromLiteral("express")), ("value", InputValue.FromLiteral(true)));
        Add(definition, "end", "End");
        Connect(definition, "start", "set");
        Connect(definition, "set", "decide");
        definition.Connections.Add(new ConnectionDefinition { Id = "express", Source = "decide", SourcePort = "express", Target = "express", Condition = WorkflowExpression.Js("false") });
        Connect(definition, "decide", "fork", Ports.Default);
        Connect(definition, "fork", "a", "a");
        Connect(definition, "fork", "b", "b");
        Connect(definition, "fork", "c", "c");
        Connect(definition, "a", "join");
        Connect(definition, "b", "join");
        Connect(definition, "c", "join");
        Connect(definition, "join", "end");
        Connect(definition, "express", "end");
        return definition;
    }

    private static WorkflowDefinition Sequential(string id, Func<int, InputValue> value)
    {
        var definition = new WorkflowDefinition { Id = id, Name = id };
        definition.Inputs.Add(new ParameterDefinition { Name = "seed", Type = DataType.Number });
        Add(definition, "start", "Start");
        var previous = "start";
        for (var i = 1; i <= 10; i++)
        {
            Add(definition, $"s{i}", "SetVariable", ("name", InputValue.FromLiteral($"v{i}")), ("value", value(i)));
            Connect(definition, previous, $"s{i}");
            previous = $"s{i}";
        }

        return definition;
    }

    private static void Add(WorkflowDefinition definition, string id, string type, params (string Name, InputValue Value)[] inputs)
    {
        var node = new NodeDefinition { Id = id, Type = type };
        foreach (var (name, value) in inputs)
        {
            node.Inputs[name] = value;
        }

        definition.Nodes.Add(node);
    }

    private static void Connect(WorkflowDefinition definition, string source, string target, string port = Ports.Done) =>
        definition.Connections.Add(new ConnectionDefinition { Id = $"{source}-{target}", Source = source, SourcePort = port, Target = target });
}
