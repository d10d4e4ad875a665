namespace FlowCenter.Engine.Hosting;

/// <summary>
/// The wall clock, which can jump forward so that the timers of a manual run (the console sample, a test run
/// in the designer) fall due at once instead of after hours.
/// </summary>
public sealed class FastForwardClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    /// <summary>Moves the clock to <paramref name="moment"/>; a moment already past changes nothing.</summary>
    public void JumpTo(DateTimeOffset moment)
    {
        var gap = moment - GetUtcNow();
        if (gap > TimeSpan.Zero)
        {
            _offset += gap;
        }
    }
}
