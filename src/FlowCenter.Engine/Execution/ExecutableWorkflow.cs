using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Execution;

/// <summary>A validated definition, indexed for the interpreter. Immutable and shared by every instance of that version.</summary>
public sealed class ExecutableWorkflow
{
    internal ExecutableWorkflow(WorkflowDefinition definition, IReadOnlyList<CompiledNode> nodes)
    {
        Definition = definition;
        Nodes = nodes;
        NodesById = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        Triggers = nodes.Where(n => n.Descriptor.IsTrigger).ToList();
        DefaultStart = Triggers.FirstOrDefault(n => n.Descriptor.TypeName == "Start") ?? (Triggers.Count == 1 ? Triggers[0] : null);
        VariableTypes = definition.Variables.ToDictionary(v => v.Name, v => v.Type, StringComparer.Ordinal);
        foreach (var join in nodes.Where(n => n.Join is not null))
        {
            join.ReachableFrom = ReachableFrom(join);
        }
    }

    public WorkflowDefinition Definition { get; }

    public IReadOnlyList<CompiledNode> Nodes { get; }

    public IReadOnlyDictionary<string, CompiledNode> NodesById { get; }

    public IReadOnlyList<CompiledNode> Triggers { get; }

    /// <summary>The Start node, else the only trigger; null when the trigger must be named.</summary>
    public CompiledNode? DefaultStart { get; }

    public IReadOnlyDictionary<string, DataType> VariableTypes { get; }

    public CompiledNode Node(string id) =>
        NodesById.TryGetValue(id, out var node) ? node : throw new InvalidOperationException($"Node '{id}' is not in definition '{Definition.Id}' v{Definition.Version}.");

    private bool[] ReachableFrom(CompiledNode join)
    {
        var seen = new bool[Nodes.Count];
        var stack = new Stack<CompiledNode>(join.Incoming.Select(c => NodesById[c.Source]));
        while (stack.TryPop(out var node))
        {
            if (node == join || seen[node.Index])
            {
                continue;
            }

            seen[node.Index] = true;
            foreach (var c in node.Incoming)
            {
                stack.Push(NodesById[c.Source]);
            }
        }

        return seen;
    }
}
