using System.Diagnostics;
using FlowCenter.Connectors.Sql;
using FlowCenter.Engine.Execution;
using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Testing;

/// <summary>Tries a database connection: opens it and runs <c>SELECT 1</c>.</summary>
public sealed class DatabaseConnectionTester(IConnectionStore store) : IConnectionTester
{
    public ConnectionKind Kind => ConnectionKind.Database;

    public async Task<ConnectionTestResult> TestAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            // The connection as typed on the page: a one-off registry holding just it.
            await using var db = await new SqlConnections(new Single(connection, store)).OpenAsync(connection.Name, cancellationToken);
            await using var command = SqlConnections.Command(db, "SELECT 1", null, TimeSpan.FromSeconds(10));
            await command.ExecuteScalarAsync(cancellationToken);
            return new ConnectionTestResult(true, $"Opened and queried in {watch.ElapsedMilliseconds} ms.");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or ActivityException or ArgumentException or InvalidOperationException)
        {
            return new ConnectionTestResult(false, ex.Message);
        }
    }

    private sealed class Single(Connection connection, IConnectionStore store) : IConnectionStore
    {
        public Task<IReadOnlyList<Connection>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(cancellationToken);

        public Task<Connection?> FindAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult<Connection?>(connection);

        public Task SaveAsync(Connection connection, CancellationToken cancellationToken = default) => store.SaveAsync(connection, cancellationToken);

        public Task DeleteAsync(string name, CancellationToken cancellationToken = default) => store.DeleteAsync(name, cancellationToken);
    }
}
