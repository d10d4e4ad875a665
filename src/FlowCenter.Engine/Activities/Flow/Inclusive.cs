using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Validation;

namespace FlowCenter.Engine.Activities.Flow;

/// <summary>
/// Inclusive gateway. As a split it takes every branch whose condition is true (and every branch without one),
/// else the default branch. With several incoming connections it also merges: it waits only for the paths
/// that can still arrive, so a branch the split did not take is not waited for.
/// </summary>
[Activity("Inclusive", Category = "Flow", DisplayName = "Inclusive gateway", Description = "Splits on every true condition; as a merge, waits only for the branches that were taken.", AnyPort = true)]
public sealed class Inclusive : IActivity, IJoinActivity, INodeValidator
{
    public ValueTask ExecuteAsync(ActivityContext context)
    {
        foreach (var connection in context.Outgoing)
        {
            if (ConditionalBranches.IsBranch(connection) && (connection.Condition is not { } condition || context.IsTrue(condition)))
            {
                context.Follow(connection);
            }
        }

        if (context.Followed.Count > 0)
        {
            return ValueTask.CompletedTask;
        }

        if (context.CompiledNode.ConnectionsOn(Ports.Default).Length == 0)
        {
            throw new ActivityException("no condition matched and there is no default branch") { Code = "NoBranchMatched" };
        }

        context.Complete(Ports.Default);
        return ValueTask.CompletedTask;
    }

    public JoinSpec? GetJoin(NodeDefinition node, int incomingCount) =>
        incomingCount > 1 ? new JoinSpec(JoinMode.Inclusive) : null;

    public void Validate(NodeValidationContext context) => ConditionalBranches.Validate(context, allowUnconditional: true);
}
