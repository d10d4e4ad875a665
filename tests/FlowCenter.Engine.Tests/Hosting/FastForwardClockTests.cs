using FlowCenter.Engine.Hosting;

namespace FlowCenter.Engine.Tests.Hosting;

public sealed class FastForwardClockTests
{
    [Fact]
    public void JumpTo_FutureMomentMovesTheClockAndAPastOneDoesNot()
    {
        var clock = new FastForwardClock();
        var inAnHour = DateTimeOffset.UtcNow.AddHours(1);

        clock.JumpTo(inAnHour);
        var afterJump = clock.GetUtcNow();
        clock.JumpTo(inAnHour.AddHours(-3));

        Assert.InRange(afterJump - inAnHour, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.True(clock.GetUtcNow() >= afterJump);
    }
}
