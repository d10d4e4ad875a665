namespace FlowCenter.Engine.Definitions;

/// <summary>Outcome port names shared by many activities.</summary>
public static class Ports
{
    public const string Done = "done";
    public const string Default = "default";
    public const string Error = "error";
    public const string Timeout = "timeout";
    public const string Reminder = "reminder";
    public const string Iterate = "iterate";
}
