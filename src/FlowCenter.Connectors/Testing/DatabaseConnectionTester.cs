using System.Diagnostics;
using FlowCenter.Connectors.Sql;
using FlowCenter.Engine.Execution;
using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Testing;

/// <summary>Tries a database connection: opens it and runs <c>SELECT 1</c>.</summary>
public sealed class DatabaseConnectionTester : IConnectionTester
{
    public ConnectionKind Kind => ConnectionKind.Database;

    public async Task<ConnectionTestResult> TestAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await using var db = await SqlConnections.OpenAsync(connection, cancellationToken);
            await using var command = SqlConnections.Command(db, "SELECT 1", null, TimeSpan.FromSeconds(10));
            await command.ExecuteScalarAsync(cancellationToken);
            return new ConnectionTestResult(true, $"Opened and queried in {watch.ElapsedMilliseconds} ms.");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or ActivityException or ArgumentException or InvalidOperationException)
        {
            return new ConnectionTestResult(false, ex.Message);
        }
    }
}
