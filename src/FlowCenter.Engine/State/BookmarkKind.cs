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
}
