using Npgsql;

namespace FlowCenter.Server.Tests.TestSupport;

/// <summary>A database of its own on a PostgreSQL server, dropped when disposed.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private PostgresDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Creates a database named <paramref name="prefix"/> plus a random part on the server <paramref name="admin"/> points to.</summary>
    public static async Task<PostgresDatabase> CreateAsync(string admin, string prefix)
    {
        var database = new PostgresDatabase(admin, prefix + Guid.NewGuid().ToString("N")[..12]);
        await ExecuteAsync(admin, $"CREATE DATABASE {database.Name}");
        return database;
    }

    /// <summary>The settings that point a FlowCenter server at this database.</summary>
    public Dictionary<string, string> ServerSettings() => new()
    {
        ["FlowCenter:Database:Provider"] = "PostgreSql",
        ["FlowCenter:Database:ConnectionString"] = ConnectionString,
    };

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // The server is gone (a private one stopped first): its folder goes with it.
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
