namespace FlowCenter.Engine.Execution;

/// <summary>Time-ordered GUIDs (version 7), which keep database indexes compact.</summary>
public sealed class GuidIdGenerator : IIdGenerator
{
    public string NewId() => Guid.CreateVersion7().ToString("N");
}
