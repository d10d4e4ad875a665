using FlowCenter.Engine.Definitions;

namespace FlowCenter.Engine.Execution;

/// <summary>An activity that merges paths; the interpreter parks arriving tokens until the spec says to fire.</summary>
public interface IJoinActivity
{
    /// <summary>The join behaviour of <paramref name="node"/>, or null when it does not merge.</summary>
    JoinSpec? GetJoin(NodeDefinition node, int incomingCount);
}
