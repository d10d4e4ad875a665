using System.Diagnostics;
using System.Text.Json.Nodes;

namespace FlowCenter.TestSupport;

/// <summary>
/// Waits for something real to hold, and fails with the last state it saw: it never returns quietly at the deadline.
/// The one poll loop of the tests.
/// </summary>
public static class Eventually
{
    /// <param name="read">Reads the state (a database row, an API answer).</param>
    /// <param name="holds">What the test waits for.</param>
    /// <param name="what">Words for the failure: "the 20 instances completed".</param>
    /// <param name="within">At most this long (30 s when not given).</param>
    /// <param name="context">More to show on failure (a server's log), read only then.</param>
    /// <param name="between">Done between two reads, as a fake clock moved on for a background service.</param>
    /// <param name="every">The pause between two reads (100 ms when not given).</param>
    public static async Task<T> ThatAsync<T>(Func<Task<T>> read, Func<T, bool> holds, string what, TimeSpan? within = null, Func<string>? context = null, Action? between = null, TimeSpan? every = null)
    {
        var deadline = within ?? TimeSpan.FromSeconds(30);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var seen = await read();
            if (holds(seen))
            {
                return seen;
            }

            if (watch.Elapsed > deadline)
            {
                Assert.Fail($"Waited {deadline.TotalSeconds:0.#} s for {what}; last seen: {(seen is JsonNode json ? json.ToJsonString() : seen)}{(context is null ? "" : "\n" + context())}");
            }

            between?.Invoke();
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(100));
        }
    }
}
