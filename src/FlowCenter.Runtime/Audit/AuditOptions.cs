namespace FlowCenter.Runtime.Audit;

/// <summary>The "FlowCenter:Audit" section: how long entries are kept.</summary>
public sealed class AuditOptions
{
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(730);

    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromHours(6);
}
