namespace FlowCenter.Engine.Definitions;

/// <summary>Outcome port names shared by many activities.</summary>
public static class Ports
{
    public const string Done = "done";
    public const string Default = "default";
    public const string Error = "error";
    public const string Timeout = "timeout";
    public const string Reminder = "reminder";

    /// <summary>The outcome journalled when a task is sent back to an earlier node (退回); not a port.</summary>
    public const string Return = "return";

    /// <summary>The outcome journalled when a step leaves its loop (Break); not a port.</summary>
    public const string Break = "break";
    public const string Iterate = "iterate";
}
