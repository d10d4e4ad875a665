namespace FlowCenter.Studio.Operations;

/// <summary>
/// Keeps an open page current: runs the page's tick at every interval until the page is left. A poll, not a
/// commit event, so that a case moved on by another server node shows too.
/// </summary>
internal static class LiveRefresh
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(Func<Task> tick, CancellationToken cancellationToken, TimeSpan? every = null)
    {
        using var timer = new PeriodicTimer(every ?? Every);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await tick();
            }
        }
        catch (OperationCanceledException)
        {
            // The page was left.
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away.
        }
    }
}
