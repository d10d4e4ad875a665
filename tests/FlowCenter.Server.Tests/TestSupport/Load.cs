namespace FlowCenter.Server.Tests.TestSupport;

/// <summary>Load from several callers at once.</summary>
public static class Load
{
    /// <summary>Runs <paramref name="action"/> for 0 .. count-1, <paramref name="callers"/> at a time, and waits for all.</summary>
    public static async Task ForAllAsync(int count, Func<int, Task> action, int callers = 16)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await action(i);
            }
        })));
    }
}
