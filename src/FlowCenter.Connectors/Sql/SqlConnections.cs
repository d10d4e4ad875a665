using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Sql;

/// <summary>Opens a database connection (SQLite, PostgreSQL, SQL Server through ADO.NET) and binds parameters; SQL is never built from text.</summary>
public sealed class SqlConnections(IConnectionStore connections)
{
    public async Task<DbConnection> OpenAsync(string name, CancellationToken cancellationToken)
    {
        var connection = await connections.FindAsync(name, cancellationToken) ?? throw new ActivityException($"There is no connection '{name}'.");
        return await OpenAsync(connection, cancellationToken);
    }

    /// <summary>Opens a database connection as given (the admin page tests one before it is saved).</summary>
    public static async Task<DbConnection> OpenAsync(Connection connection, CancellationToken cancellationToken)
    {
        var name = connection.Name;
        if (connection.Kind != ConnectionKind.Database)
        {
            throw new ActivityException($"Connection '{name}' is a {connection.Kind} connection, not a database.");
        }

        var text = connection.Secrets.GetValueOrDefault("connectionString") ?? throw new ActivityException($"Connection '{name}' has no connection string.");
        DbConnection db = (JsonValues.ToText(connection.Settings["provider"]) ?? "Sqlite") switch
        {
            "PostgreSql" => new Npgsql.NpgsqlConnection(text),
            "SqlServer" => new Microsoft.Data.SqlClient.SqlConnection(text),
            "Sqlite" => new Microsoft.Data.Sqlite.SqliteConnection(text),
            var other => throw new ActivityException($"Connection '{name}' names an unknown provider '{other}'."),
        };
        await db.OpenAsync(cancellationToken);
        return db;
    }

    /// <summary>A command with each parameter bound by name (<c>@name</c> in the SQL).</summary>
    public static DbCommand Command(DbConnection db, string sql, JsonObject? parameters, TimeSpan timeout)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds);
        foreach (var (name, value) in parameters ?? [])
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = ToClr(value) ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Runs a query and reads up to <paramref name="max"/> rows as objects.</summary>
    public static async Task<JsonArray> ReadAsync(DbConnection db, string sql, JsonObject? parameters, TimeSpan timeout, int max)
    {
        var rows = new JsonArray();
        await using var command = Command(db, sql, parameters, timeout);
        await using var reader = await command.ExecuteReaderAsync();
        while (rows.Count < max && await reader.ReadAsync())
        {
            var row = new JsonObject();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = ToJson(reader.GetValue(i));
            }

            rows.Add(row);
        }

        return rows;
    }

    public static JsonNode? ToJson(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        bool b => b,
        int i => i,
        long l => l,
        short s => s,
        decimal m => m,
        double d => d,
        float f => f,
        DateTime t => t,
        DateTimeOffset t => t,
        Guid g => g.ToString(),
        byte[] bytes => Convert.ToBase64String(bytes),
        var other => other.ToString(),
    };

    private static object? ToClr(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => JsonValues.NumberOf(value) is var d && d == Math.Floor(d) && Math.Abs(d) < long.MaxValue ? (long)d : d,
        _ => value.ToJsonString(),
    };
}
