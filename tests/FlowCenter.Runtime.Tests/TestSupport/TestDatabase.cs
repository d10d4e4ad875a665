using FlowCenter.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FlowCenter.Runtime.Tests.TestSupport;

/// <summary>
/// A fresh, migrated database for one test: a SQLite file, or a new database on the PostgreSQL server that
/// ./test.sh starts (FLOWCENTER_TEST_POSTGRES), or on the SQL Server named by FLOWCENTER_TEST_SQLSERVER.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "FLOWCENTER_TEST_POSTGRES";
    public const string SqlServerVariable = "FLOWCENTER_TEST_SQLSERVER";

    private readonly Func<Task> _drop;

    private TestDatabase(PersistenceOptions options, Func<Task> drop)
    {
        Options = options;
        Contexts = new FlowCenterDbContextFactory(options);
        _drop = drop;
    }

    public PersistenceOptions Options { get; }

    public FlowCenterDbContextFactory Contexts { get; }

    public static string? UnavailableReason(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql when string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable)) =>
            $"{PostgresVariable} is not set; ./test.sh starts PostgreSQL and sets it",
        DatabaseProvider.SqlServer when string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SqlServerVariable)) =>
            $"no SQL Server here: set {SqlServerVariable} to a connection string to run the SQL Server tests",
        _ => null,
    };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var name = "fc_test_" + Guid.NewGuid().ToString("N")[..16];
        TestDatabase database;
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var file = Path.Combine(Path.GetTempPath(), name + ".db");
                database = new TestDatabase(new PersistenceOptions { Provider = provider, ConnectionString = $"Data Source={file};Pooling=False" }, () =>
                {
                    foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                    {
                        File.Delete(path);
                    }

                    return Task.CompletedTask;
                });
                break;
            case DatabaseProvider.PostgreSql:
                var admin = Environment.GetEnvironmentVariable(PostgresVariable)!;
                await ExecutePostgresAsync(admin, $"CREATE DATABASE {name}");
                var connection = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
                database = new TestDatabase(new PersistenceOptions { Provider = provider, ConnectionString = connection }, async () =>
                {
                    NpgsqlConnection.ClearAllPools();
                    await ExecutePostgresAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                });
                break;
            default:
                var server = Environment.GetEnvironmentVariable(SqlServerVariable)!;
                var sqlServer = new PersistenceOptions { Provider = provider, ConnectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString };
                database = new TestDatabase(sqlServer, async () =>
                {
                    await using var db = new FlowCenterDbContextFactory(sqlServer).CreateDbContext();
                    await db.Database.EnsureDeletedAsync();
                });
                break;
        }

        database.Contexts.EnsureSqliteFolder();
        await using (var db = database.Contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        return database;
    }

    public async ValueTask DisposeAsync() => await _drop();

    private static async Task ExecutePostgresAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
