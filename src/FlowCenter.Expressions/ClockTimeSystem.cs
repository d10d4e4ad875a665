using Jint.Runtime;

namespace FlowCenter.Expressions;

/// <summary>JavaScript's <c>Date</c> reads the engine's <see cref="TimeProvider"/>, so a fake clock makes scripts deterministic.</summary>
internal sealed class ClockTimeSystem(TimeProvider clock) : DefaultTimeSystem(TimeZoneInfo.Utc, System.Globalization.CultureInfo.InvariantCulture)
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();
}
