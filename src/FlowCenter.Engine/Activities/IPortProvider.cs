using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Activities;

/// <summary>An activity whose ports depend on the node's inputs (the outcomes of a task, the cases of a switch).</summary>
public interface IPortProvider
{
    IEnumerable<string> GetPorts(NodeDefinition node);
}
