using System.Diagnostics;
using System.Text.Json.Nodes;

namespace FlowCenter.Server.Tests.TestSupport;

/// <summary>Waits for something real to hold, and fails with the last state it saw (never returns quietly at the deadline).</summary>
public static class Eventually
{
    /// <param name="context">More to show on failure (a server's log), read only then.</param>
    public static async Task<T> ThatAsync<T>(Func<Task<T>> read, Func<T, bool> holds, string what, TimeSpan? within = null, Func<string>? context = null)
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
                Assert.Fail($"Waited {deadline.TotalSeconds:0} s for {what}; last seen: {(seen is JsonNode json ? json.ToJsonString() : seen)}{(context is null ? "" : "\n" + context())}");
            }

            await Task.Delay(100);
        }
    }
}
