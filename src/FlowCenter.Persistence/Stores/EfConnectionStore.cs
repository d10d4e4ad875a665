using System.Text.Json.Nodes;
using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Connections;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Stores;

public sealed class EfConnectionStore(FlowCenterDbContextFactory contexts, ISecretProtector protector, TimeProvider clock) : IConnectionStore
{
    public async Task<IReadOnlyList<Connection>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var records = await db.Connections.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return records.ConvertAll(r => ToConnection(r, decrypt: false));
    }

    public async Task<Connection?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var record = await db.Connections.AsNoTracking().FirstOrDefaultAsync(c => c.Name == name, cancellationToken);
        return record is null ? null : ToConnection(record, decrypt: true);
    }

    public async Task SaveAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(connection.Name))
        {
            throw new ConnectionException("A connection needs a name.");
        }

        await using var db = contexts.CreateDbContext();
        var record = await db.Connections.FirstOrDefaultAsync(c => c.Name == connection.Name, cancellationToken);
        if (record is null)
        {
            record = new ConnectionRecord { Name = connection.Name.Trim() };
            db.Connections.Add(record);
        }

        var secrets = JsonNode.Parse(record.SecretsJson) as JsonObject ?? [];
        foreach (var (name, value) in connection.Secrets)
        {
            if (value.Length == 0)
            {
                secrets.Remove(name);
            }
            else
            {
                secrets[name] = protector.Protect(value);
            }
        }

        record.Kind = (int)connection.Kind;
        record.Description = connection.Description;
        record.SettingsJson = connection.Settings.ToJsonString();
        record.SecretsJson = secrets.ToJsonString();
        record.AllowedHosts = connection.AllowedHosts.Count == 0 ? null : string.Join(',', connection.AllowedHosts.Select(h => h.Trim().ToLowerInvariant()));
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        await db.Connections.Where(c => c.Name == name).ExecuteDeleteAsync(cancellationToken);
    }

    private Connection ToConnection(ConnectionRecord record, bool decrypt)
    {
        var secrets = JsonNode.Parse(record.SecretsJson) as JsonObject ?? [];
        return new Connection(record.Name, (ConnectionKind)record.Kind)
        {
            Description = record.Description,
            Settings = JsonNode.Parse(record.SettingsJson) as JsonObject ?? [],
            SecretNames = [.. secrets.Select(s => s.Key)],
            Secrets = decrypt ? secrets.ToDictionary(s => s.Key, s => protector.Unprotect(s.Value!.GetValue<string>())) : new Dictionary<string, string>(),
            AllowedHosts = (record.AllowedHosts ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            UpdatedAt = record.UpdatedAt,
        };
    }
}
