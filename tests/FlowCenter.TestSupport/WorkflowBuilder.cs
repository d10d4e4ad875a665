using System.Text.Json.Nodes;
using FlowCenter.Engine.Definitions;

namespace FlowCenter.TestSupport;

/// <summary>Builds definitions in tests: nodes with literal or expression inputs, connections by port.</summary>
public sealed class WorkflowBuilder(string id = "test")
{
    private readonly WorkflowDefinition _definition = new() { Id = id, Name = id };
    private int _connections;

    public WorkflowBuilder Node(string nodeId, string type, params (string Name, object? Value)[] inputs)
    {
        var node = new NodeDefinition { Id = nodeId, Type = type };
        foreach (var (name, value) in inputs)
        {
            node.Inputs[name] = value switch
            {
                Js js => InputValue.FromExpression(js.Source),
                JsonNode json => InputValue.FromLiteral(json),
                _ => InputValue.FromLiteral(JsonValue.Create(value)),
            };
        }

        _definition.Nodes.Add(node);
        return this;
    }

    public WorkflowBuilder Configure(string nodeId, Action<NodeDefinition> configure)
    {
        configure(_definition.Nodes.Single(n => n.Id == nodeId));
        return this;
    }

    public WorkflowBuilder Connect(string source, string target, string port = Ports.Done, string? condition = null)
    {
        _definition.Connections.Add(new ConnectionDefinition
        {
            Id = $"c{++_connections}",
            Source = source,
            SourcePort = port,
            Target = target,
            Condition = condition is null ? null : WorkflowExpression.Js(condition),
        });
        return this;
    }

    /// <summary>Connects each node to the next through <c>done</c>.</summary>
    public WorkflowBuilder Chain(params string[] nodeIds)
    {
        for (var i = 1; i < nodeIds.Length; i++)
        {
            Connect(nodeIds[i - 1], nodeIds[i]);
        }

        return this;
    }

    public WorkflowBuilder Variable(string name, DataType type = DataType.Any, JsonNode? defaultValue = null)
    {
        _definition.Variables.Add(new VariableDefinition { Name = name, Type = type, Default = defaultValue });
        return this;
    }

    public WorkflowBuilder Input(string name, DataType type = DataType.Any, bool required = false)
    {
        _definition.Inputs.Add(new ParameterDefinition { Name = name, Type = type, Required = required });
        return this;
    }

    public WorkflowBuilder Output(string name)
    {
        _definition.Outputs.Add(new ParameterDefinition { Name = name });
        return this;
    }

    public WorkflowBuilder Settings(Action<WorkflowSettings> configure)
    {
        configure(_definition.Settings);
        return this;
    }

    public WorkflowDefinition Build() => _definition;
}

/// <summary>A JavaScript expression input in <see cref="WorkflowBuilder.Node"/>.</summary>
public sealed record Js(string Source);
