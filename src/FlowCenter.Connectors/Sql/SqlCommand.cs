using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;

namespace FlowCenter.Connectors.Sql;

/// <summary>Changes data with a parameterised statement through a database connection; the count of rows changed goes into a variable.</summary>
[Activity("SqlCommand", Category = "Connectors", DisplayName = "SQL command", Description = "Inserts, updates or deletes with a parameterised statement through a database connection.")]
public sealed class SqlCommand(SqlConnections databases) : IActivity
{
    public static readonly ActivityInput<string?> Connection = Inputs.String("connection", "A database connection by name.", required: true, literalOnly: true);

    public static readonly ActivityInput<string?> Sql = Inputs.String("sql", "The statement, with @name parameters; written here, never built from data.", required: true, literalOnly: true);

    public static readonly ActivityInput<JsonObject?> Parameters = Inputs.Object("parameters", "The parameters' values by name; an expression maps variables into them.");

    public static readonly ActivityInput<TimeSpan> Timeout = Inputs.Duration("timeout", "How long the statement may run (30 s when empty).");

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "A variable that receives { affected }.");

    public async ValueTask ExecuteAsync(ActivityContext context)
    {
        int affected;
        try
        {
            await using var db = await databases.OpenAsync(context.Get(Connection)!, CancellationToken.None);
            await using var command = SqlConnections.Command(db, context.Get(Sql)!, context.Get(Parameters), context.Get(Timeout) is { Ticks: > 0 } t ? t : TimeSpan.FromSeconds(30));
            affected = await command.ExecuteNonQueryAsync();
        }
        catch (System.Data.Common.DbException ex)
        {
            throw new ActivityException($"The statement through '{context.Get(Connection)}' failed: {ex.Message}", ex);
        }

        if (context.Get(ResultVariable) is { Length: > 0 } variable)
        {
            context.SetVariable(variable, new JsonObject { ["affected"] = affected });
        }

        context.Complete(Ports.Done);
    }
}
