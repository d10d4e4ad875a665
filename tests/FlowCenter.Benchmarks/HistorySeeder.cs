using System.Data.Common;
using FlowCenter.Engine.State;
using FlowCenter.Persistence;
using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace FlowCenter.Benchmarks;

/// <summary>
/// Writes many completed instances, each a copy of a real one with its whole journal, straight through
/// ADO.NET (SQLite: prepared inserts; PostgreSQL: binary COPY), the way years of history pile up: one every
/// 30 s over the last year, each lasting up to an hour, each with a searchable number variable "amount" and the
/// approval its person decided.
/// </summary>
internal static class HistorySeeder
{
    private const string InstanceColumns = "\"Id\", \"DefinitionId\", \"DefinitionVersion\", \"Status\", \"BusinessKey\", \"StartedBy\", \"CurrentNodes\", \"OpenIncidents\", \"State\", \"Revision\", \"CreatedAt\", \"UpdatedAt\", \"CompletedAt\", \"StartedMs\", \"DurationMs\"";
    private const string VariableColumns = "\"InstanceId\", \"Name\", \"Kind\", \"Text\", \"Number\"";

    private static readonly string[] SearchableNames = ["amount", "input.amount"];
    private const string GroupColumns = "\"Id\", \"InstanceId\", \"DefinitionId\", \"DefinitionVersion\", \"NodeId\", \"Title\", \"BusinessKey\", \"Mode\", \"SpecJson\", \"Status\", \"Outcome\", \"CreatedAt\", \"TimeoutHandled\", \"Revision\"";
    private const string Spec = """{"assignTo":"user","assignee":["wang.fang"],"managerLevels":1,"mode":"single","percent":50,"autoApprove":false,"candidateUsers":[],"candidateGroups":[],"carbonCopy":[],"outcomes":["approve","reject"],"outcomeLabels":{},"form":null,"fieldAccess":null,"timeoutAction":"none","remindEvery":null,"isApproval":true}""";
    private const string JournalColumns = "\"InstanceId\", \"Sequence\", \"NodeId\", \"ActivityType\", \"TokenId\", \"Attempt\", \"Status\", \"StartedAt\", \"CompletedAt\", \"Outcome\"";

    public static async Task SeedAsync(FlowCenterDbContextFactory contexts, WorkflowInstance template, int count)
    {
        if (count == 0)
        {
            return;
        }

        var state = InstanceState.Write(template);
        var start = DateTimeOffset.UtcNow.AddSeconds(-30.0 * count).AddDays(-1);
        await using var db = contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, template, state, start, count);
        }
        else
        {
            await InsertAsync(connection, template, state, start, count);
        }

        // The totals as the instances' saves and the folds over the years would have left them: one row.
        await using (var counted = connection.CreateCommand())
        {
            counted.CommandText = $"INSERT INTO \"InstanceCounts\" (\"DefinitionId\", \"DefinitionVersion\", \"Status\", \"Incidents\", \"Delta\") VALUES ('{template.DefinitionId}', {template.DefinitionVersion}, {(int)WorkflowStatus.Completed}, 0, {count})";
            await counted.ExecuteNonQueryAsync();
        }

        // Years of history arrive slowly and are long checkpointed and analysed; do the same before measuring.
        await using var settle = connection.CreateCommand();
        settle.CommandTimeout = 0;
        settle.CommandText = connection is NpgsqlConnection ? "VACUUM ANALYZE" : "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;";
        await settle.ExecuteNonQueryAsync();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, WorkflowInstance template, string state, DateTimeOffset start, int count)
    {
        await using (var instances = await connection.BeginBinaryImportAsync($"COPY \"Instances\" ({InstanceColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            instances.Timeout = TimeSpan.FromMinutes(30);
            for (var i = 0; i < count; i++)
            {
                var at = start.AddSeconds(i * 30);
                await instances.StartRowAsync();
                await instances.WriteAsync(Id(i), NpgsqlDbType.Text);
                await instances.WriteAsync(template.DefinitionId, NpgsqlDbType.Text);
                await instances.WriteAsync(template.DefinitionVersion, NpgsqlDbType.Integer);
                await instances.WriteAsync((int)WorkflowStatus.Completed, NpgsqlDbType.Integer);
                await instances.WriteAsync($"HIST-{i}", NpgsqlDbType.Text);
                await instances.WriteAsync("history", NpgsqlDbType.Text);
                await instances.WriteNullAsync();
                await instances.WriteAsync(0, NpgsqlDbType.Integer);
                await instances.WriteAsync(state, NpgsqlDbType.Text);
                await instances.WriteAsync(1L, NpgsqlDbType.Bigint);
                await instances.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await instances.WriteAsync(at + Duration(i), NpgsqlDbType.TimestampTz);
                await instances.WriteAsync(at + Duration(i), NpgsqlDbType.TimestampTz);
                await instances.WriteAsync(at.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint);
                await instances.WriteAsync((long)Duration(i).TotalMilliseconds, NpgsqlDbType.Bigint);
            }

            await instances.CompleteAsync();
        }

        await using (var variables = await connection.BeginBinaryImportAsync($"COPY \"InstanceVariables\" ({VariableColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            variables.Timeout = TimeSpan.FromMinutes(30);
            for (var i = 0; i < count; i++)
            {
                // The variable, and the start value it came from (searchable as input.amount), as the runtime writes them.
                foreach (var name in SearchableNames)
                {
                    await variables.StartRowAsync();
                    await variables.WriteAsync(Id(i), NpgsqlDbType.Text);
                    await variables.WriteAsync(name, NpgsqlDbType.Text);
                    await variables.WriteAsync((int)VariableKind.Number, NpgsqlDbType.Integer);
                    await variables.WriteAsync(Amount(i).ToString(System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                    await variables.WriteAsync((double)Amount(i), NpgsqlDbType.Double);
                }
            }

            await variables.CompleteAsync();
        }

        await using (var groups = await connection.BeginBinaryImportAsync($"COPY \"TaskGroups\" ({GroupColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            groups.Timeout = TimeSpan.FromMinutes(30);
            for (var i = 0; i < count; i++)
            {
                await groups.StartRowAsync();
                await groups.WriteAsync("group-" + Id(i), NpgsqlDbType.Text);
                await groups.WriteAsync(Id(i), NpgsqlDbType.Text);
                await groups.WriteAsync(template.DefinitionId, NpgsqlDbType.Text);
                await groups.WriteAsync(template.DefinitionVersion, NpgsqlDbType.Integer);
                await groups.WriteAsync("approve", NpgsqlDbType.Text);
                await groups.WriteAsync("approve", NpgsqlDbType.Text);
                await groups.WriteAsync($"HIST-{i}", NpgsqlDbType.Text);
                await groups.WriteAsync("single", NpgsqlDbType.Text);
                await groups.WriteAsync(Spec, NpgsqlDbType.Text);
                await groups.WriteAsync((int)TaskGroupStatus.Decided, NpgsqlDbType.Integer);
                await groups.WriteAsync("approve", NpgsqlDbType.Text);
                await groups.WriteAsync(start.AddSeconds(i * 30), NpgsqlDbType.TimestampTz);
                await groups.WriteAsync(false, NpgsqlDbType.Boolean);
                await groups.WriteAsync(2, NpgsqlDbType.Integer);
            }

            await groups.CompleteAsync();
        }

        await using var journal = await connection.BeginBinaryImportAsync($"COPY \"Journal\" ({JournalColumns}) FROM STDIN (FORMAT BINARY)");
        journal.Timeout = TimeSpan.FromMinutes(30);
        for (var i = 0; i < count; i++)
        {
            var at = start.AddSeconds(i * 30);
            foreach (var entry in template.Journal)
            {
                await journal.StartRowAsync();
                await journal.WriteAsync(Id(i), NpgsqlDbType.Text);
                await journal.WriteAsync(entry.Sequence, NpgsqlDbType.Integer);
                await journal.WriteAsync(entry.NodeId, NpgsqlDbType.Text);
                await journal.WriteAsync(entry.ActivityType, NpgsqlDbType.Text);
                await journal.WriteAsync(entry.TokenId, NpgsqlDbType.Integer);
                await journal.WriteAsync(entry.Attempt, NpgsqlDbType.Integer);
                await journal.WriteAsync((int)entry.Status, NpgsqlDbType.Integer);
                await journal.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await journal.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await journal.WriteAsync(entry.Outcome ?? "done", NpgsqlDbType.Text);
            }
        }

        await journal.CompleteAsync();
    }

    private static async Task InsertAsync(DbConnection connection, WorkflowInstance template, string state, DateTimeOffset start, int count)
    {
        var time = new DateTimeOffsetToBinaryConverter();
        const int Batch = 50_000;
        for (var from = 0; from < count; from += Batch)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var instance = Prepare(connection, transaction, $"INSERT INTO \"Instances\" ({InstanceColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, NULL, 0, @p6, 1, @p7, @p8, @p8, @p9, @p10)", 11);
            await using var variable = Prepare(connection, transaction, $"INSERT INTO \"InstanceVariables\" ({VariableColumns}) VALUES (@p0, @p1, @p2, @p3, @p4)", 5);
            await using var group = Prepare(connection, transaction, $"INSERT INTO \"TaskGroups\" ({GroupColumns}) VALUES (@p0, @p1, @p2, @p3, 'approve', 'approve', @p4, 'single', @p5, @p6, 'approve', @p7, 0, 2)", 8);
            await using var journal = Prepare(connection, transaction, $"INSERT INTO \"Journal\" ({JournalColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p7, @p8)", 9);
            for (var i = from; i < Math.Min(count, from + Batch); i++)
            {
                var started = start.AddSeconds(i * 30);
                var at = (long)time.ConvertToProvider(started)!;
                Set(instance, Id(i), template.DefinitionId, template.DefinitionVersion, (int)WorkflowStatus.Completed, $"HIST-{i}", "history", state, at,
                    (long)time.ConvertToProvider(started + Duration(i))!, started.ToUnixTimeMilliseconds(), (long)Duration(i).TotalMilliseconds);
                await instance.ExecuteNonQueryAsync();
                foreach (var name in SearchableNames)
                {
                    Set(variable, Id(i), name, (int)VariableKind.Number, Amount(i).ToString(System.Globalization.CultureInfo.InvariantCulture), (double)Amount(i));
                    await variable.ExecuteNonQueryAsync();
                }

                Set(group, "group-" + Id(i), Id(i), template.DefinitionId, template.DefinitionVersion, $"HIST-{i}", Spec, (int)TaskGroupStatus.Decided, at);
                await group.ExecuteNonQueryAsync();
                foreach (var entry in template.Journal)
                {
                    Set(journal, Id(i), entry.Sequence, entry.NodeId, entry.ActivityType, entry.TokenId, entry.Attempt, (int)entry.Status, at, entry.Outcome ?? "done");
                    await journal.ExecuteNonQueryAsync();
                }
            }

            await transaction.CommitAsync();
        }
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    private static void Set(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    /// <summary>How long history instance <paramref name="i"/> ran: from a second up to an hour.</summary>
    private static TimeSpan Duration(int i) => TimeSpan.FromSeconds(1 + (i % 3600));

    private static int Amount(int i) => i % 1000;

    private static string Id(int i) => "hist-" + i.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
}
