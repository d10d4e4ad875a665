using FlowCenter.Persistence;
using FlowCenter.Runtime.Tests.TestSupport;

namespace FlowCenter.Runtime.Tests.Connections;

/// <summary>Change-polling watermarks on every provider: of runs reading from the same point, exactly one moves it.</summary>
public sealed class WatermarkStoreContractTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres, OnSqlServer]
    public async Task Advance_OnlyFromTheRevisionRead_KeepsTheClaim_AndResetDropsIt(DatabaseProvider provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider);
        var store = harness.Watermarks;

        Assert.Null(await store.FindAsync("crm-customers"));
        Assert.True(await store.TryAdvanceAsync("crm-customers", null, null, "2026-11-23T08:00:00Z", "run-1", At));
        Assert.False(await store.TryAdvanceAsync("crm-customers", null, null, "2026-11-23T08:00:05Z", "run-2", At)); // created meanwhile

        var first = (await store.FindAsync("crm-customers"))!;
        Assert.Equal(("2026-11-23T08:00:00Z", "run-1", (string?)null, 1L), (first.Value, first.ClaimedBy, first.ClaimFrom, first.Revision));

        // Four runs read revision 1 at once: one moves the watermark, the others learn they lost.
        var runs = await Task.WhenAll(Enumerable.Range(2, 4).Select(i => store.TryAdvanceAsync("crm-customers", 1, first.Value, $"2026-11-23T09:00:0{i}Z", $"run-{i}", At.AddHours(1))));
        Assert.Equal(1, runs.Count(r => r));
        var moved = (await store.FindAsync("crm-customers"))!;
        Assert.Equal(2, moved.Revision);
        Assert.Equal(first.Value, moved.ClaimFrom);
        Assert.Equal($"run-{Array.IndexOf(runs, true) + 2}", moved.ClaimedBy);
        Assert.False(await store.TryAdvanceAsync("crm-customers", 1, first.Value, "2026-11-23T10:00:00Z", "run-late", At));

        await store.ResetAsync("crm-customers", "2026-01-01T00:00:00Z", At);
        var reset = (await store.FindAsync("crm-customers"))!;
        Assert.Equal(("2026-01-01T00:00:00Z", (string?)null, 3L), (reset.Value, reset.ClaimedBy, reset.Revision));
    }
}
