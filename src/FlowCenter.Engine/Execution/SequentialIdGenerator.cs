namespace FlowCenter.Engine.Execution;

/// <summary>Ids <c>prefix-1</c>, <c>prefix-2</c>, ...: for tests and reproducible runs.</summary>
public sealed class SequentialIdGenerator(string prefix = "id") : IIdGenerator
{
    private long _next;

    public string NewId() => $"{prefix}-{Interlocked.Increment(ref _next)}";
}
