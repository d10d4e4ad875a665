namespace FlowCenter.Studio.Designer;

/// <summary>The wall clock for a test run, which jumps forward when the designer fast-forwards a timer.</summary>
internal sealed class TestRunClock : TimeProvider
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
