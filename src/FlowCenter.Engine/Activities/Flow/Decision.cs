using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Validation;

namespace FlowCenter.Engine.Activities.Flow;

/// <summary>
/// Exclusive gateway: the conditions of the outgoing connections are tried in order and the first true one is taken;
/// when none is true the connection on the <c>default</c> port is; with no default the node fails.
/// </summary>
[Activity("Decision", Category = "Flow", DisplayName = "Decision", Description = "Takes the first outgoing branch whose condition is true, else the default branch.", AnyPort = true)]
public sealed class Decision : IActivity, INodeValidator
{
    public ValueTask ExecuteAsync(ActivityContext context)
    {
        foreach (var connection in context.Outgoing)
        {
            if (ConditionalBranches.IsBranch(connection) && connection.Condition is { } condition && context.IsTrue(condition))
            {
                context.Follow(connection);
                return ValueTask.CompletedTask;
            }
        }

        if (context.CompiledNode.ConnectionsOn(Ports.Default).Length == 0)
        {
            throw new ActivityException("no condition matched and there is no default branch") { Code = "NoBranchMatched" };
        }

        context.Complete(Ports.Default);
        return ValueTask.CompletedTask;
    }

    public void Validate(NodeValidationContext context) => ConditionalBranches.Validate(context, allowUnconditional: false);
}
