namespace FlowCenter.Engine.State;

public enum BookmarkKind
{
    /// <summary>Delay or Timer: resumed at <see cref="Bookmark.DueAt"/>.</summary>
    Timer,

    /// <summary>Resumed by an event with this name and correlation key.</summary>
    Event,

    /// <summary>A person's task.</summary>
    UserTask,

    /// <summary>A child instance; resumed when it ends.</summary>
    SubProcess,

    /// <summary>The next attempt of a failed node, at <see cref="Bookmark.DueAt"/>.</summary>
    Retry,

    /// <summary>Ends a wait through the timeout port at <see cref="Bookmark.DueAt"/>.</summary>
    Timeout,

    /// <summary>Sends a token through the reminder port at <see cref="Bookmark.DueAt"/>; the wait goes on.</summary>
    Reminder,

    /// <summary>
    /// An event a waiting node listens for besides its own wait (<see cref="Definitions.EventListenerSettings"/>):
    /// found by name and correlation key like <see cref="Event"/>, it leaves by the listener's port.
    /// </summary>
    EventListener,

    /// <summary>An event the node publishes once its burst is committed; resumed when it was delivered.</summary>
    Publish,
}
