namespace FlowCenter.Runtime.Scheduling;

/// <summary>Arranges for a timer-like bookmark to be fired at its due time. The database stays the source of truth.</summary>
public interface ITimerScheduler
{
    void Schedule(string instanceId, string bookmarkId, DateTimeOffset dueAt);
}
