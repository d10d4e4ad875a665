using System.Data.Common;
using System.Diagnostics;
using FlowCenter.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FlowCenter.Benchmarks;

/// <summary>
/// What the database itself can do with what FlowCenter writes: the rows one start (or one resume) wrote, taken
/// from the tables as FlowCenter left them, written again with plain ADO.NET on the same connection settings, one
/// transaction per instance, prepared statements, the same callers. FlowCenter's rate as a share of this one says
/// what its layers cost, on any machine.
/// </summary>
internal sealed class RawWrites
{
    private readonly FlowCenterDbContextFactory _contexts;
    private readonly List<Table> _tables;

    private RawWrites(FlowCenterDbContextFactory contexts, List<Table> tables) => (_contexts, _tables) = (contexts, tables);

    /// <summary>Reads the shape of every table FlowCenter's model maps.</summary>
    public static RawWrites For(FlowCenterDbContextFactory contexts)
    {
        using var db = contexts.CreateDbContext();
        var tables = new List<Table>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindPrimaryKey()!.Properties;
            var columns = entity.GetProperties()
                .Where(p => p.GetColumnName(store) is not null)
                .Select(p => new Column(
                    p.GetColumnName(store)!,
                    key.Contains(p),
                    p.GetComputedColumnSql(store) is not null || (key.Contains(p) && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType != typeof(string))))
                .DistinctBy(c => c.Name)
                .ToList();
            var link = columns.Find(c => c.Name == "InstanceId")?.Name ?? (entity.GetTableName() == "Instances" ? "Id" : null);
            tables.Add(new Table(entity.GetTableName()!, columns, link));
        }

        // The instance's row first: the other rows refer to it.
        return new RawWrites(contexts, [.. tables.OrderBy(t => t.Name == "Instances" ? 0 : 1)]);
    }

    /// <summary>Row counts of every table, to see which ones an operation wrote to.</summary>
    public async Task<Dictionary<string, long>> CountAsync()
    {
        await using var db = _contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in _tables)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table.Name}\"";
            counts[table.Name] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>
    /// The rows an operation on <paramref name="instanceId"/> added between <paramref name="before"/> and now: the
    /// instance's own rows in the tables that link to it, and the newest rows of the others that grew (kept totals).
    /// </summary>
    public async Task<Template> CaptureStartAsync(string instanceId, Dictionary<string, long> before)
    {
        var after = await CountAsync();
        var inserts = new List<(Table, List<object?[]>)>();
        foreach (var table in _tables.Where(t => after[t.Name] > before[t.Name]))
        {
            inserts.Add((table, await ReadAsync(table, instanceId, (int)(after[table.Name] - before[table.Name]))));
        }

        return new Template(instanceId, inserts, [], [], []);
    }

    /// <summary>
    /// What a resume of <paramref name="instanceId"/> wrote: rows added, removed and changed in its tables (from
    /// <paramref name="rowsBefore"/>, read before the resume), and the newest rows of the other tables that grew.
    /// </summary>
    public async Task<Template> CaptureResumeAsync(string instanceId, Dictionary<string, List<object?[]>> rowsBefore, Dictionary<string, long> countsBefore)
    {
        var counts = await CountAsync();
        var inserts = new List<(Table, List<object?[]>)>();
        var deletes = new List<(Table, int)>();
        var updates = new List<(Table, int, object?[])>();
        var read = new List<Table>();
        foreach (var table in _tables)
        {
            if (table.Link is null)
            {
                if (counts[table.Name] > countsBefore[table.Name])
                {
                    inserts.Add((table, await ReadAsync(table, instanceId, (int)(counts[table.Name] - countsBefore[table.Name]))));
                }

                continue;
            }

            var old = rowsBefore[table.Name];
            var now = await ReadAsync(table, instanceId, 0);
            if (old.Count > 0 || now.Count > 0)
            {
                read.Add(table); // the tables that hold the instance's state are what a resume reads
            }

            var oldKeys = old.Select(table.KeyOf).ToList();
            var newKeys = now.Select(table.KeyOf).ToList();
            inserts.Add((table, [.. now.Where((r, i) => !oldKeys.Contains(newKeys[i]))]));
            for (var i = 0; i < old.Count; i++)
            {
                var at = newKeys.IndexOf(oldKeys[i]);
                if (at < 0)
                {
                    deletes.Add((table, i));
                }
                else if (!old[i].SequenceEqual(now[at]))
                {
                    updates.Add((table, i, now[at]));
                }
            }
        }

        return new Template(instanceId, [.. inserts.Where(i => i.Item2.Count > 0)], deletes, updates, read);
    }

    /// <summary>The rows of every table that links to the instance.</summary>
    public async Task<Dictionary<string, List<object?[]>>> ReadInstanceAsync(string instanceId)
    {
        var rows = new Dictionary<string, List<object?[]>>();
        foreach (var table in _tables.Where(t => t.Link is not null))
        {
            rows[table.Name] = await ReadAsync(table, instanceId, 0);
        }

        return rows;
    }

    /// <summary>Writes <paramref name="count"/> copies of a start's rows from <paramref name="callers"/> callers, one transaction each; instances per second.</summary>
    public async Task<double> StartManyAsync(Template start, int count, int callers)
    {
        var next = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            await using var writer = await Writer.OpenAsync(_contexts, start);
            while (Interlocked.Increment(ref next) <= count)
            {
                await writer.InsertCopyAsync(Guid.CreateVersion7().ToString("N"));
            }
        })));
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// One transaction per instance of <paramref name="instanceIds"/> (each waiting as the template's was): read its
    /// rows, then write what the template's resume wrote, on its rows; p50 and p95 in ms.
    /// </summary>
    public async Task<(double P50, double P95)> ResumeLatencyAsync(Template resume, IReadOnlyList<string> instanceIds)
    {
        await using var writer = await Writer.OpenAsync(_contexts, resume);
        var timings = new List<double>(instanceIds.Count);
        foreach (var id in instanceIds)
        {
            var watch = Stopwatch.StartNew();
            await writer.ResumeAsync(id, resume.Read);
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        return (timings[timings.Count / 2], timings[(int)(timings.Count * 0.95)]);
    }

    private async Task<List<object?[]>> ReadAsync(Table table, string instanceId, int newest)
    {
        await using var db = _contexts.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var key = string.Join(", ", table.Columns.Where(c => c.Key).Select(c => $"\"{c.Name}\""));
        command.CommandText = table.Link is { } link
            ? $"SELECT {table.ColumnList} FROM \"{table.Name}\" WHERE \"{link}\" = @id ORDER BY {key}"
            : $"SELECT {table.ColumnList} FROM \"{table.Name}\" ORDER BY {string.Join(", ", table.Columns.Where(c => c.Key).Select(c => $"\"{c.Name}\" DESC"))} LIMIT {newest}";
        Parameter(command, "id", instanceId);
        return await ReadRowsAsync(command, table.Columns.Count);
    }

    private static async Task<List<object?[]>> ReadRowsAsync(DbCommand command, int width)
    {
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[width];
            for (var i = 0; i < width; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static void Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public sealed record Column(string Name, bool Key, bool Generated);

    public sealed record Table(string Name, List<Column> Columns, string? Link)
    {
        public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Name}\""));

        public string KeyOf(object?[] row) => string.Join("|", Columns.Select((c, i) => c.Key ? $"{row[i]}" : null).Where(k => k is not null));
    }

    /// <summary>
    /// What one operation wrote: rows to insert; rows (by their place among the instance's rows) to delete or change;
    /// for a resume, the tables holding the instance's rows, which it reads first.
    /// </summary>
    public sealed record Template(string InstanceId, List<(Table Table, List<object?[]> Rows)> Inserts, List<(Table Table, int Index)> Deletes, List<(Table Table, int Index, object?[] Row)> Updates, List<Table> Read)
    {
        public int RowCount => Inserts.Sum(i => i.Rows.Count) + Deletes.Count + Updates.Count;

        /// <summary>The values' size: characters of text, bytes of binary, 8 for a number or date.</summary>
        public long Characters => Inserts.Sum(i => i.Rows.Sum(Size)) + Updates.Sum(u => Size(u.Row));

        private static long Size(object?[] row) => row.Sum(v => v switch { null => 0, string s => s.Length, byte[] b => b.Length, _ => 8 });
    }

    /// <summary>One caller's connection with its statements prepared once (per shape of their values).</summary>
    private sealed class Writer : IAsyncDisposable
    {
        private readonly FlowCenterDbContext _db;
        private readonly Template _template;
        private readonly Dictionary<string, DbCommand> _prepared = [];

        private Writer(FlowCenterDbContext db, Template template) => (_db, _template) = (db, template);

        private DbConnection Connection => _db.Database.GetDbConnection();

        public static async Task<Writer> OpenAsync(FlowCenterDbContextFactory contexts, Template template)
        {
            var db = contexts.CreateDbContext();
            await db.Database.OpenConnectionAsync(); // FlowCenter's connection settings (SQLite: WAL, synchronous NORMAL)
            return new Writer(db, template);
        }

        public async Task InsertCopyAsync(string id)
        {
            await using var transaction = await Connection.BeginTransactionAsync();
            await InsertAsync(id, transaction);
            await transaction.CommitAsync();
        }

        public async Task ResumeAsync(string id, List<Table> linked)
        {
            await using var transaction = await Connection.BeginTransactionAsync();
            var rows = new Dictionary<string, List<object?[]>>();
            foreach (var table in linked)
            {
                var read = Command($"SELECT {table.ColumnList} FROM \"{table.Name}\" WHERE \"{table.Link}\" = @id ORDER BY {string.Join(", ", table.Columns.Where(c => c.Key).Select(c => $"\"{c.Name}\""))}", transaction, [("id", id)]);
                rows[table.Name] = await ReadRowsAsync(read, table.Columns.Count);
            }

            foreach (var (table, index) in _template.Deletes)
            {
                var row = rows[table.Name][index];
                var keys = table.Columns.Select((c, i) => (c, i)).Where(x => x.c.Key).ToList();
                await Command($"DELETE FROM \"{table.Name}\" WHERE {string.Join(" AND ", keys.Select(k => $"\"{k.c.Name}\" = @k{k.i}"))}", transaction, [.. keys.Select(k => ($"k{k.i}", row[k.i]))])
                    .ExecuteNonQueryAsync();
            }

            foreach (var (table, index, changed) in _template.Updates)
            {
                var row = rows[table.Name][index];
                var set = table.Columns.Select((c, i) => (c, i)).Where(x => !x.c.Key && !x.c.Generated).ToList();
                var keys = table.Columns.Select((c, i) => (c, i)).Where(x => x.c.Key).ToList();
                await Command(
                    $"UPDATE \"{table.Name}\" SET {string.Join(", ", set.Select(x => $"\"{x.c.Name}\" = @v{x.i}"))} WHERE {string.Join(" AND ", keys.Select(x => $"\"{x.c.Name}\" = @k{x.i}"))}",
                    transaction,
                    [.. set.Select(x => ($"v{x.i}", Swap(changed[x.i], _template.InstanceId, id))), .. keys.Select(x => ($"k{x.i}", row[x.i]))])
                    .ExecuteNonQueryAsync();
            }

            await InsertAsync(id, transaction);
            await transaction.CommitAsync();
        }

        private async Task InsertAsync(string id, DbTransaction transaction)
        {
            foreach (var (table, rows) in _template.Inserts)
            {
                var columns = table.Columns.Select((c, i) => (c, i)).Where(x => !x.c.Generated).ToList();
                var text = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(x => $"\"{x.c.Name}\""))}) VALUES ({string.Join(", ", columns.Select(x => $"@p{x.i}"))})";
                var singleKey = table.Columns.Count(c => c.Key) == 1;
                foreach (var row in rows)
                {
                    // The instance's id becomes the copy's; another single text key (a bookmark's, a step's) a new one.
                    var values = columns.Select(x =>
                    {
                        var value = Swap(row[x.i], _template.InstanceId, id);
                        return ($"p{x.i}", x.c.Key && singleKey && value is string && Equals(value, row[x.i]) ? (object?)Guid.CreateVersion7().ToString("N") : value);
                    });
                    await Command(text, transaction, [.. values]).ExecuteNonQueryAsync();
                }
            }
        }

        private static object? Swap(object? value, string from, string to) => value is string s && s.Contains(from, StringComparison.Ordinal) ? s.Replace(from, to, StringComparison.Ordinal) : value;

        /// <summary>
        /// The statement with these values, prepared on this connection the first time it runs with values of
        /// these types (a null where a date was stands for another statement: PostgreSQL fixes the types at preparing).
        /// </summary>
        private DbCommand Command(string text, DbTransaction transaction, IReadOnlyList<(string Name, object? Value)> values)
        {
            var shape = text + "|" + string.Join(",", values.Select(v => v.Value?.GetType().Name ?? "null"));
            var fresh = !_prepared.TryGetValue(shape, out var command);
            if (fresh)
            {
                command = Connection.CreateCommand();
                command.CommandText = text;
                foreach (var (name, _) in values)
                {
                    Parameter(command, name, null);
                }

                _prepared[shape] = command;
            }

            command!.Transaction = transaction;
            foreach (var (name, value) in values)
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }

            if (fresh)
            {
                command.Prepare();
            }

            return command;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in _prepared.Values)
            {
                await command.DisposeAsync();
            }

            await _db.DisposeAsync();
        }
    }
}
