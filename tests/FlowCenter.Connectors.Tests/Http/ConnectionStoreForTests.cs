using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Tests.Http;

/// <summary>The registry for these unit tests: connections in a dictionary (the EF store has its own contract tests).</summary>
internal sealed class ConnectionStoreForTests : IConnectionStore
{
    private readonly Dictionary<string, Connection> _connections = [];

    public Task<IReadOnlyList<Connection>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Connection>>([.. _connections.Values]);

    public Task<Connection?> FindAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult(_connections.GetValueOrDefault(name));

    public Task SaveAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        _connections[connection.Name] = connection;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        _connections.Remove(name);
        return Task.CompletedTask;
    }
}
