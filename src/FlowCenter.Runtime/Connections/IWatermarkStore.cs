namespace FlowCenter.Runtime.Connections;

/// <summary>How far change polling has read a source: the last change taken (a timestamp or row version, as text).</summary>
public sealed record Watermark(string Name, string? Value, DateTimeOffset UpdatedAt, long Revision);

/// <summary>The batch one run took: the changes after <see cref="From"/> up to and including <see cref="To"/>.</summary>
public sealed record WatermarkClaim(string Name, string Claimant, string? From, string To, DateTimeOffset ClaimedAt);

/// <summary>
/// The watermarks of change polling, kept in the database, with the batch each run claimed, so that a run repeated
/// after a crash takes its own batch again however far other runs have moved the watermark since.
/// </summary>
public interface IWatermarkStore
{
    Task<Watermark?> FindAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The batch <paramref name="claimant"/> took from this watermark, if it took one.</summary>
    Task<WatermarkClaim?> FindClaimAsync(string name, string claimant, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a watermark from <paramref name="previous"/> to <paramref name="reached"/> and records the batch as
    /// <paramref name="claimant"/>'s, in one transaction, if the watermark is still at <paramref name="expectedRevision"/>
    /// (null: it does not exist yet); false when another run moved it first.
    /// </summary>
    Task<bool> TryAdvanceAsync(string name, long? expectedRevision, string? previous, string reached, string claimant, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Sets a watermark by hand (an administrator re-reading a source from a point).</summary>
    Task ResetAsync(string name, string? value, DateTimeOffset at, CancellationToken cancellationToken = default);
}
