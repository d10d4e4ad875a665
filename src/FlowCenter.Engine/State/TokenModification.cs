namespace FlowCenter.Engine.State;

/// <summary>
/// An operator's change to where an instance stands: paths (tokens) cancelled where they are, paths placed at
/// nodes. Moving a path is both: cancel it, place one at the target. Only the placed paths run; nothing that
/// already completed runs again because of it.
/// </summary>
public sealed record TokenModification
{
    public IReadOnlyList<int> Cancel { get; init; } = [];

    public IReadOnlyList<string> PlaceAt { get; init; } = [];

    /// <summary>Moves one path: cancels <paramref name="tokenId"/> and places a path at <paramref name="nodeId"/>.</summary>
    public static TokenModification Move(int tokenId, string nodeId) => new() { Cancel = [tokenId], PlaceAt = [nodeId] };
}

/// <summary>What a modification will do, worked out without running anything: the operator's preview.</summary>
public sealed record ModificationPlan(IReadOnlyList<PlannedCancel> Cancelled, IReadOnlyList<string> Placed, IReadOnlyList<string> StandingAfter)
{
    /// <summary>Nodes where a path is placed beside one already standing there.</summary>
    public IReadOnlyList<string> PlacedBesideAnother { get; init; } = [];
}

/// <summary>A path to be cancelled: where it stands and what it waits for there (a person's task, a timer, a sub-process).</summary>
public sealed record PlannedCancel(int TokenId, string NodeId, TokenStatus Status, IReadOnlyList<BookmarkKind> WaitsFor);

/// <summary>The outcomes of journal entries that record an operator's modification, not an execution.</summary>
public static class ModificationOutcomes
{
    public const string PathCancelled = "path-cancelled";

    public const string PathPlaced = "path-placed";

    public static bool IsModification(string? outcome) => outcome is PathCancelled or PathPlaced;
}
