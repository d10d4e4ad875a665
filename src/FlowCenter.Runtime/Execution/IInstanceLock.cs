namespace FlowCenter.Runtime.Execution;

/// <summary>Keeps one caller at a time on an instance within a process; the row's revision guards across processes.</summary>
public interface IInstanceLock
{
    ValueTask<IDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken = default);
}
