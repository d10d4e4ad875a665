namespace FlowCenter.Engine.Activities;

/// <summary>
/// A step that waits from the case's start for as long as the case runs, with no path leading to it (BPMN's event
/// sub-process): the engine puts a token on it when the case starts, and the case ends without waiting for it.
/// </summary>
public interface IBackgroundActivity : IResumableActivity
{
}
