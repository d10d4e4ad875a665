namespace FlowCenter.Expressions;

/// <summary>Sandbox limits of JavaScript expressions and scripts, per evaluation.</summary>
public sealed class JavaScriptOptions
{
    /// <summary>Wall-clock time one evaluation may take.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Statements one evaluation may execute.</summary>
    public int MaxStatements { get; set; } = 100_000;

    /// <summary>Bytes one evaluation may allocate.</summary>
    public long MemoryLimitBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Depth of nested function calls.</summary>
    public int MaxRecursionDepth { get; set; } = 128;

    /// <summary>How many prepared scripts are kept for reuse.</summary>
    public int CacheSize { get; set; } = 4096;
}
