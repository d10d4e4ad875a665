using System.Text.Json.Nodes;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.State;
using FlowCenter.Runtime.Connections;
using Microsoft.Data.Sqlite;
using FlowCenter.Connectors.Tests.TestSupport;

namespace FlowCenter.Connectors.Tests.Sql;

/// <summary>SQL query and command against a real database: a SQLite file.</summary>
public sealed class SqlActivityTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"fc-sql-{Guid.NewGuid():N}.db");
    private readonly ConnectorHost _connector = new();

    public SqlActivityTests()
    {
        using (var db = new SqliteConnection($"Data Source={_file}"))
        {
            db.Open();
            using var create = db.CreateCommand();
            create.CommandText = "CREATE TABLE customers (id TEXT PRIMARY KEY, name TEXT, credit REAL); INSERT INTO customers VALUES ('C1', '华东机械', 50000), ('C2', 'O''Brien Ltd', 1000);";
            create.ExecuteNonQuery();
        }

        _connector.Connections.SaveAsync(new Connection("erp-db", ConnectionKind.Database)
        {
            Settings = new JsonObject { ["provider"] = "Sqlite" },
            Secrets = new Dictionary<string, string> { ["connectionString"] = $"Data Source={_file};Pooling=False" },
        });
    }

    public void Dispose()
    {
        _connector.Dispose();
        File.Delete(_file);
    }

    [Fact]
    public async Task Query_WithAParameter_ReadsTheRowsIntoAVariable_EvenWhenTheValueLooksLikeSql()
    {
        var found = await RunAsync("SqlQuery", "SELECT id, name, credit FROM customers WHERE name = @name", new Js("({ name: input.name })"), "O'Brien Ltd");
        var injection = await RunAsync("SqlQuery", "SELECT id FROM customers WHERE name = @name", new Js("({ name: input.name })"), "x' OR '1'='1");

        Assert.Equal(1, found.Variables["result"]!["count"]!.GetValue<int>());
        Assert.Equal(1000, found.Variables["result"]!["rows"]![0]!["credit"]!.GetValue<double>());
        Assert.Equal(0, injection.Variables["result"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Command_UpdatesAndCountsTheRows()
    {
        var instance = await RunAsync("SqlCommand", "UPDATE customers SET credit = credit + @amount WHERE credit > @over", JsonNode.Parse("""{ "amount": 10, "over": 0 }"""), null);

        Assert.Equal(2, instance.Variables["result"]!["affected"]!.GetValue<int>());
        var check = await RunAsync("SqlQuery", "SELECT credit FROM customers WHERE id = @id", JsonNode.Parse("""{ "id": "C1" }"""), null);
        Assert.Equal(50010, check.Variables["result"]!["rows"]![0]!["credit"]!.GetValue<double>());
    }

    [Fact]
    public async Task Query_BadSql_FailsTheNodeNamingTheConnectionAndTheError()
    {
        var instance = await RunAsync("SqlQuery", "SELECT id FROM nowhere", null, null);

        var incident = Assert.Single(instance.Incidents);
        Assert.Contains("'erp-db' failed", incident.Message, StringComparison.Ordinal);
        Assert.Contains("no such table: nowhere", incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tester_OpensTheDatabaseOrSaysWhyNot()
    {
        var tester = new FlowCenter.Connectors.Testing.DatabaseConnectionTester();
        var good = (await _connector.Connections.FindAsync("erp-db"))!;

        var opened = await tester.TestAsync(good);
        var refused = await tester.TestAsync(good with { Secrets = new Dictionary<string, string> { ["connectionString"] = $"Data Source={_file}x;Mode=ReadOnly" } });

        Assert.True(opened.Succeeded, opened.Message);
        Assert.False(refused.Succeeded);
        Assert.Contains("unable to open", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Validator_RefusesSqlBuiltByAnExpression()
    {
        var definition = new WorkflowBuilder("built").Node("start", "Start")
            .Node("q", "SqlQuery", ("connection", "erp-db"), ("sql", new Js("'SELECT * FROM customers WHERE id = ' + input.id")))
            .Node("end", "End").Chain("start", "q", "end").Build();

        var problems = _connector.Host.Engine.Validator.Validate(definition);

        Assert.Contains(problems, p => p.NodeId == "q" && p.Message.Contains("sql", StringComparison.Ordinal));
    }

    private async Task<WorkflowInstance> RunAsync(string type, string sql, object? parameters, string? name)
    {
        var id = "sql-" + Guid.NewGuid().ToString("N")[..6];
        _connector.Host.Register(new WorkflowBuilder(id).Variable("result")
            .Node("start", "Start")
            .Node("q", type, [("connection", "erp-db"), ("sql", sql), ("resultVariable", "result"), .. parameters is null ? [] : new (string, object?)[] { ("parameters", parameters) }])
            .Node("end", "End").Chain("start", "q", "end").Build());
        return await _connector.Host.StartAsync(id, new StartOptions { Input = new Dictionary<string, JsonNode?> { ["name"] = name } });
    }
}
