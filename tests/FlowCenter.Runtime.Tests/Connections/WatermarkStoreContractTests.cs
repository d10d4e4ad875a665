using FlowCenter.Persistence;
using FlowCenter.Runtime.Tests.TestSupport;

namespace FlowCenter.Runtime.Tests.Connections;

/// <summary>Change-polling watermarks on every provider: of runs reading from the same point, exactly one moves it, and each run's batch is kept.</summary>
public sealed class WatermarkStoreContractTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task Advance_OnlyFromTheRevisionRead_EachRunFindsItsOwnBatch_AndResetMovesIt(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        var store = harness.Watermarks;

        Assert.Null(await store.FindAsync("crm-customers"));
        Assert.True(await store.TryAdvanceAsync("crm-customers", null, null, "2026-11-23T08:00:00Z", "run-1", At));
        Assert.False(await store.TryAdvanceAsync("crm-customers", null, null, "2026-11-23T08:00:05Z", "run-2", At)); // created meanwhile
        var first = (await store.FindAsync("crm-customers"))!;
        Assert.Equal(("2026-11-23T08:00:00Z", 1L), (first.Value, first.Revision));

        // Four runs read revision 1 at once: one moves the watermark and has its claim, the others learn they lost.
        var runs = await Task.WhenAll(Enumerable.Range(2, 4).Select(i => store.TryAdvanceAsync("crm-customers", 1, first.Value, $"2026-11-23T09:00:0{i}Z", $"run-{i}", At.AddHours(1))));
        Assert.Equal(1, runs.Count(r => r));
        var winner = $"run-{Array.IndexOf(runs, true) + 2}";
        var moved = (await store.FindAsync("crm-customers"))!;
        Assert.Equal(2, moved.Revision);
        Assert.False(await store.TryAdvanceAsync("crm-customers", 1, first.Value, "2026-11-23T10:00:00Z", "run-late", At));
        Assert.Null(await store.FindClaimAsync("crm-customers", "run-late"));

        // The first run's batch is still there for it, though the watermark moved on.
        var claim = (await store.FindClaimAsync("crm-customers", "run-1"))!;
        Assert.Equal(((string?)null, "2026-11-23T08:00:00Z"), (claim.From, claim.To));
        Assert.Equal((first.Value, moved.Value), ((await store.FindClaimAsync("crm-customers", winner))!.From, moved.Value));

        await store.ResetAsync("crm-customers", "2026-01-01T00:00:00Z", At);
        var reset = (await store.FindAsync("crm-customers"))!;
        Assert.Equal(("2026-01-01T00:00:00Z", 3L), (reset.Value, reset.Revision));
    }
}
