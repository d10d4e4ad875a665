namespace FlowCenter.Engine.Definitions;

/// <summary>Versions of the definition JSON form.</summary>
public static class WorkflowSchema
{
    /// <summary>The version written by this build; files with a higher version are refused.</summary>
    public const int CurrentVersion = 1;
}
