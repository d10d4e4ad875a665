namespace FlowCenter.Runtime.Scheduling;

/// <summary>Runs continuations in the background (Hangfire). Without one the runtime runs them itself right after the commit.</summary>
public interface IContinuationDispatcher
{
    void Dispatch(Continuation continuation);
}
