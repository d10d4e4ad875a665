namespace FlowCenter.Runtime.Audit;

/// <summary>
/// Who acts in the current flow of work: set by the server around each request and each interaction of a Studio
/// circuit (it flows into everything awaited within), absent for background work, which is then the system.
/// </summary>
public sealed class AmbientAuditContext : IAuditContext
{
    private readonly AsyncLocal<(string Actor, string Via, string? Address)?> _current = new();

    public (string Actor, string Via, string? Address) Current => _current.Value ?? ("system", "system", null);

    /// <summary>Acts as <paramref name="actor"/> until the returned scope is disposed.</summary>
    public IDisposable Use(string actor, string via, string? address)
    {
        var previous = _current.Value;
        _current.Value = (actor, via, address);
        return new Restore(this, previous);
    }

    private sealed class Restore(AmbientAuditContext owner, (string, string, string?)? previous) : IDisposable
    {
        public void Dispose() => owner._current.Value = previous;
    }
}
