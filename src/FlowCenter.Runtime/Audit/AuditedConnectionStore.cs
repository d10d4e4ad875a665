using FlowCenter.Runtime.Connections;

namespace FlowCenter.Runtime.Audit;

/// <summary>Connection changes in the audit log: kind, settings and allowed hosts; secrets only by name ("changed").</summary>
public sealed class AuditedConnectionStore(IConnectionStore inner, AuditTrail audit) : IConnectionStore
{
    public Task<IReadOnlyList<Connection>> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);

    public Task<Connection?> FindAsync(string name, CancellationToken cancellationToken = default) => inner.FindAsync(name, cancellationToken);

    public async Task SaveAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        await inner.SaveAsync(connection, cancellationToken);
        var secrets = connection.Secrets.Where(s => s.Value.Length > 0).Select(s => s.Key).ToList();
        await audit.RecordAsync(AuditActions.ConnectionSaved, $"connection:{connection.Name}",
            $"{connection.Kind}: {connection.Settings.ToJsonString()}; hosts {string.Join(", ", connection.AllowedHosts)}{(secrets.Count > 0 ? $"; secrets changed: {string.Join(", ", secrets)}" : "")}", cancellationToken);
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        await inner.DeleteAsync(name, cancellationToken);
        await audit.RecordAsync(AuditActions.ConnectionDeleted, $"connection:{name}", null, cancellationToken);
    }
}
