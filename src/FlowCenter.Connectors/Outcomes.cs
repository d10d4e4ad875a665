using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Execution;

namespace FlowCenter.Connectors;

/// <summary>How connector activities keep a key per execution and leave by a failure outcome (4xx, 5xx, timeout, fault, invalid data).</summary>
internal static class Outcomes
{
    /// <summary>
    /// A key for this node's execution, fixed the first time it runs (<c>{instance}-{journal position}</c>, kept in
    /// the token's state): a durable retry keeps it, and a burst repeated after a crash reaches the node at the same
    /// position, so an idempotency key, a message id or a claim stays the same however often the node is tried.
    /// </summary>
    public static string RunKey(ActivityContext context, string name)
    {
        var key = context.State[name]?.GetValue<string>() ?? $"{context.InstanceId}-{context.Token.JournalSequence}";
        context.State[name] = key;
        return key;
    }

    /// <summary>
    /// Leaves by <paramref name="port"/> when the process handles it (a connection leaves that port); otherwise the
    /// node fails with <paramref name="problem"/>, so that its retry policy, error port or an incident take over
    /// instead of the path ending quietly as if all went well.
    /// </summary>
    public static void Failure(ActivityContext context, string port, Func<string> problem)
    {
        if (context.CompiledNode.ConnectionsOn(port).Length == 0)
        {
            throw new ActivityException(problem());
        }

        context.Complete(port);
    }
}
