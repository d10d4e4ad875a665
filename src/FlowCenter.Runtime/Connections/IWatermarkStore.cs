namespace FlowCenter.Runtime.Connections;

/// <summary>
/// How far change polling has read a source. <see cref="Value"/> is the last change taken (a timestamp or row
/// version, as text); <see cref="ClaimedBy"/> is the node run that took the last batch, from <see cref="ClaimFrom"/>
/// up to <see cref="Value"/>, so that the same run, repeated after a crash, gets the same batch again.
/// </summary>
public sealed record Watermark(string Name, string? Value, string? ClaimedBy, string? ClaimFrom, DateTimeOffset UpdatedAt, long Revision);

/// <summary>The watermarks of change polling, kept in the database.</summary>
public interface IWatermarkStore
{
    Task<Watermark?> FindAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a watermark to <paramref name="value"/> for <paramref name="claimant"/>, if it is still at
    /// <paramref name="expectedRevision"/> (null: it does not exist yet); false when another run moved it first.
    /// </summary>
    Task<bool> TryAdvanceAsync(string name, long? expectedRevision, string? from, string value, string claimant, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Sets a watermark by hand (an administrator re-reading a source from a point), dropping any claim.</summary>
    Task ResetAsync(string name, string? value, DateTimeOffset at, CancellationToken cancellationToken = default);
}
