namespace FlowCenter.Samples.Console;

/// <summary>The wall clock, which can jump forward so that timers of a demo fire at once.</summary>
internal sealed class ConsoleClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    public void JumpTo(DateTimeOffset moment)
    {
        var gap = moment - GetUtcNow();
        if (gap > TimeSpan.Zero)
        {
            _offset += gap;
        }
    }
}
