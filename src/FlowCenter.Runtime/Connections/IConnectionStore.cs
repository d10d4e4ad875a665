namespace FlowCenter.Runtime.Connections;

/// <summary>The registry of named connections; secrets are encrypted at rest and only decrypted for a call.</summary>
public interface IConnectionStore
{
    /// <summary>Every connection, without its secrets (their names only).</summary>
    Task<IReadOnlyList<Connection>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One connection with its secrets decrypted, for a connector about to call; null when there is none.</summary>
    Task<Connection?> FindAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds or changes a connection. Secrets given replace those of the same name; a secret given as empty text is
    /// removed; secrets not given are kept as they were.
    /// </summary>
    Task SaveAsync(Connection connection, CancellationToken cancellationToken = default);

    Task DeleteAsync(string name, CancellationToken cancellationToken = default);
}
