using FlowCenter.Engine.State;

namespace FlowCenter.Engine.Activities;

/// <summary>An activity that runs the path behind its <c>iterate</c> port as loop iterations.</summary>
public interface ILoopActivity : IActivity
{
    /// <summary>Called when every token of <paramref name="iteration"/> has ended.</summary>
    ValueTask OnIterationCompletedAsync(ActivityContext context, LoopScope iteration);
}
