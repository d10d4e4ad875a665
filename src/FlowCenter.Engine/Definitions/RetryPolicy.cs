namespace FlowCenter.Engine.Definitions;

/// <summary>Retries of a failing node: up to <see cref="MaxAttempts"/> executions, waiting between them.</summary>
public sealed class RetryPolicy
{
    /// <summary>Total executions including the first one.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the second attempt (ISO 8601 duration); zero retries at once.</summary>
    public string? Delay { get; set; }

    /// <summary>Each further wait is the previous one times this factor.</summary>
    public double BackoffMultiplier { get; set; } = 2;

    /// <summary>Upper bound of a single wait.</summary>
    public string? MaxDelay { get; set; }
}
