using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;

namespace FlowCenter.Connectors.Sql;

/// <summary>
/// Reads rows with a parameterised query through a database connection: the SQL is a literal of the node, values
/// come in only as parameters (<c>@name</c>), so no process can build SQL from data. The rows (up to maxRows) go into
/// a variable as objects, with the count.
/// </summary>
[Activity("SqlQuery", Category = "Connectors", DisplayName = "SQL query", Description = "Reads rows with a parameterised query through a database connection.")]
public sealed class SqlQuery(SqlConnections databases) : IActivity
{
    public static readonly ActivityInput<string?> Connection = Inputs.String("connection", "A database connection by name.", required: true, literalOnly: true);

    public static readonly ActivityInput<string?> Sql = Inputs.String("sql", "The query, with @name parameters; written here, never built from data.", required: true, literalOnly: true);

    public static readonly ActivityInput<JsonObject?> Parameters = Inputs.Object("parameters", "The parameters' values by name; an expression maps variables into them.");

    public static readonly ActivityInput<int> MaxRows = Inputs.Integer("maxRows", "At most this many rows are read.", defaultValue: 1000);

    public static readonly ActivityInput<TimeSpan> Timeout = Inputs.Duration("timeout", "How long the query may run (30 s when empty).");

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "A variable that receives { rows, count }.");

    public async ValueTask ExecuteAsync(ActivityContext context)
    {
        JsonArray rows;
        try
        {
            await using var db = await databases.OpenAsync(context.Get(Connection)!, CancellationToken.None);
            rows = await SqlConnections.ReadAsync(db, context.Get(Sql)!, context.Get(Parameters), context.Get(Timeout) is { Ticks: > 0 } t ? t : TimeSpan.FromSeconds(30), Math.Max(1, context.Get(MaxRows)));
        }
        catch (System.Data.Common.DbException ex)
        {
            throw new ActivityException($"The query through '{context.Get(Connection)}' failed: {ex.Message}", ex);
        }

        if (context.Get(ResultVariable) is { Length: > 0 } variable)
        {
            context.SetVariable(variable, new JsonObject { ["rows"] = rows, ["count"] = rows.Count });
        }

        context.Complete(Ports.Done);
    }
}
