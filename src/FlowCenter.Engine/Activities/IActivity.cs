namespace FlowCenter.Engine.Activities;

/// <summary>
/// An activity type. One instance serves every node of its type, so it keeps no per-execution state:
/// everything it needs comes through the context, and it ends by completing through ports,
/// creating a bookmark, or starting a loop iteration.
/// </summary>
public interface IActivity
{
    ValueTask ExecuteAsync(ActivityContext context);
}
