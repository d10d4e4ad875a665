namespace FlowCenter.Runtime.Connections;

/// <summary>
/// The named connections as the administrators' page and API see them: listed without secrets, saved, deleted,
/// and tried as entered (secrets typed now, else the saved ones) without a saved secret ever leaving the runtime.
/// </summary>
public sealed class ConnectionRegistry(IConnectionStore store, IEnumerable<IConnectionTester> testers)
{
    /// <summary>Every connection, without its secrets (their names only).</summary>
    public Task<IReadOnlyList<Connection>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(cancellationToken);

    public Task SaveAsync(Connection connection, CancellationToken cancellationToken = default) => store.SaveAsync(connection, cancellationToken);

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default) => store.DeleteAsync(name, cancellationToken);

    /// <summary>
    /// Tries <paramref name="typed"/> with the secrets typed in it, and for those left empty the ones saved under its
    /// name (unless <paramref name="isNew"/>); null when no tester knows its kind.
    /// </summary>
    public async Task<ConnectionTestResult?> TestAsync(Connection typed, bool isNew, CancellationToken cancellationToken = default)
    {
        if (testers.FirstOrDefault(t => t.Kind == typed.Kind) is not { } tester)
        {
            return null;
        }

        var saved = isNew ? null : await store.FindAsync(typed.Name, cancellationToken);
        var secrets = new Dictionary<string, string>(saved?.Secrets ?? new Dictionary<string, string>());
        foreach (var (name, value) in typed.Secrets.Where(s => s.Value.Length > 0))
        {
            secrets[name] = value;
        }

        return await tester.TestAsync(typed with { Secrets = secrets }, cancellationToken);
    }
}
