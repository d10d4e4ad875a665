namespace FlowCenter.Runtime.Audit;

/// <summary>
/// One thing done, kept for good: who (a person, a person through a token, a system), what, when, from where, on
/// what, and before/after where it applies. Never a secret.
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Target)
{
    public long Id { get; init; }

    /// <summary>How the actor acted: <c>person</c>, <c>token:{name}</c>, <c>system</c>.</summary>
    public string Via { get; init; } = "person";

    /// <summary>The client address, when the action came over the network.</summary>
    public string? Address { get; init; }

    /// <summary>What changed or why, in a sentence or as before → after.</summary>
    public string? Detail { get; init; }
}
