using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Execution;

namespace FlowCenter.Connectors;

/// <summary>How connector activities leave by a failure outcome (4xx, 5xx, timeout, fault, invalid data).</summary>
internal static class Outcomes
{
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
