using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Validation;

namespace FlowCenter.Engine.Activities.Flow;

/// <summary>Rules shared by Decision and Inclusive, whose branches are their outgoing connections.</summary>
internal static class ConditionalBranches
{
    public static bool IsBranch(ConnectionDefinition connection) =>
        connection.SourcePort is not (Ports.Default or Ports.Error);

    public static void Validate(NodeValidationContext context, bool allowUnconditional)
    {
        var branches = context.Outgoing.Where(IsBranch).ToList();
        if (!allowUnconditional)
        {
            foreach (var branch in branches.Where(b => b.Condition is null))
            {
                context.Error(ProblemCodes.MissingCondition, $"branch '{branch.SourcePort}' of {context.Node.Type} '{context.Node.Id}' needs a condition, or use the 'default' port", branch.Id, branch.SourcePort);
            }
        }

        if (context.Outgoing.Count(c => c.SourcePort == Ports.Default) > 1)
        {
            context.Error(ProblemCodes.InvalidSetting, "only one connection may leave through the 'default' port", null, "defaultPortTwice");
        }

        if (context.Outgoing.Count == 0)
        {
            context.Warning(ProblemCodes.UnusedPort, "no branch leaves this node", null, "branch");
        }
    }
}
