namespace FlowCenter.Runtime.Audit;

/// <summary>Who is acting now and from where (the server reads it from the request; background work is the system).</summary>
public interface IAuditContext
{
    /// <summary>The acting person or system, how they act (person, token:{name}, system) and their address.</summary>
    (string Actor, string Via, string? Address) Current { get; }
}
