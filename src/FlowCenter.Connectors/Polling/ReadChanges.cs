using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Connectors.Http;
using FlowCenter.Connectors.Sql;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Polling;

/// <summary>
/// Change polling: reads the records a source changed since the watermark kept in FlowCenter's database under a
/// name — from a REST connection (<c>GET url?changedSince=...</c>) or a database connection (a query with
/// <c>@since</c>) — and moves the watermark to the newest change taken, in the same step claiming the batch for
/// this run. Two runs never take the same changes; a run repeated after a crash takes its own batch again.
/// Started by a schedule (a Cron start) and by change events, a process built on it handles each change once.
/// </summary>
[Activity("ReadChanges", Category = "Connectors", DisplayName = "Read changes", Description = "Reads records changed since a stored watermark (timestamp or row version) from REST or SQL and advances it.",
    Ports = [ReadChanges.Changes, ReadChanges.None])]
public sealed class ReadChanges(IConnectionStore connections, IWatermarkStore watermarks, IHttpClientFactory clients, HttpPipelines pipelines, RestConnection rest, TimeProvider clock) : IActivity
{
    public const string Changes = "changes";
    public const string None = "none";

    public static readonly ActivityInput<string?> WatermarkName = Inputs.String("watermark", "The watermark's name, e.g. crm-customers (one per source read).", required: true, literalOnly: true);

    public static readonly ActivityInput<string?> Connection = Inputs.String("connection", "A REST or database connection by name.", required: true, literalOnly: true);

    public static readonly ActivityInput<string?> Url = Inputs.String("url", "REST: the path under the connection's base URL.");

    public static readonly ActivityInput<string?> SinceParameter = Inputs.String("sinceParameter", "REST: the query parameter that carries the watermark.", defaultValue: "changedSince", literalOnly: true);

    public static readonly ActivityInput<string?> ItemsPath = Inputs.String("itemsPath", "REST: where the records are in the answer (the answer itself when it is an array).", defaultValue: "items", literalOnly: true);

    public static readonly ActivityInput<string?> Sql = Inputs.String("sql", "Database: the query, with @since (null on the first read).", literalOnly: true);

    public static readonly ActivityInput<string?> WatermarkField = Inputs.String("watermarkField", "The field holding each record's change timestamp or row version.", required: true, literalOnly: true);

    public static readonly ActivityInput<string?> KeyField = Inputs.String("keyField", "The record's key: several changes of one record count once, the latest.", literalOnly: true);

    public static readonly ActivityInput<string?> Initial = Inputs.String("initial", "Where to start when there is no watermark yet (everything when empty).", literalOnly: true);

    public static readonly ActivityInput<int> MaxItems = Inputs.Integer("maxItems", "At most this many changes per run; the rest come next time.", defaultValue: 500);

    public static readonly ActivityInput<string?> ResultVariable = Inputs.String("resultVariable", "A variable that receives { items, count, from, to }.", required: true);

    public async ValueTask ExecuteAsync(ActivityContext context)
    {
        var name = context.Get(WatermarkName)!;
        var field = context.Get(WatermarkField)!;
        var claimant = Outcomes.RunKey(context, "claim");

        if (await watermarks.FindClaimAsync(name, claimant) is { } claim)
        {
            // This run took a batch before a crash: the same changes again, none newer, whatever happened since.
            var again = Order(await ReadAsync(context, claim.From), field).Where(i => claim.From is null || Compare(Mark(i, field), claim.From) > 0).Where(i => Compare(Mark(i, field), claim.To) <= 0).ToList();
            Finish(context, Latest(again, context.Get(KeyField)), claim.From, claim.To);
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            var mark = await watermarks.FindAsync(name);
            var from = mark is null ? context.Get(Initial) is { Length: > 0 } initial ? initial : null : mark.Value;
            var items = Order(await ReadAsync(context, from), field).Where(i => from is null || Compare(Mark(i, field), from) > 0).ToList();
            items = Cut(items, field, Math.Max(1, context.Get(MaxItems)));
            if (items.Count == 0)
            {
                Finish(context, [], from, from);
                return;
            }

            var to = Mark(items[^1], field);
            if (await watermarks.TryAdvanceAsync(name, mark?.Revision, from, to, claimant, clock.GetUtcNow()))
            {
                Finish(context, Latest(items, context.Get(KeyField)), from, to);
                return;
            }

            if (attempt == 4)
            {
                throw new ActivityException($"Watermark '{name}' kept moving under this run; try again later.");
            }
        }
    }

    private async Task<List<JsonObject>> ReadAsync(ActivityContext context, string? since)
    {
        var name = context.Get(Connection)!;
        var connection = await connections.FindAsync(name) ?? throw new ActivityException($"There is no connection '{name}'.");
        return connection.Kind switch
        {
            ConnectionKind.Rest => await ReadRestAsync(context, connection, since),
            ConnectionKind.Database => await ReadSqlAsync(context, connection, since),
            _ => throw new ActivityException($"Connection '{name}' is a {connection.Kind} connection; changes are read from REST or a database."),
        };
    }

    private async Task<List<JsonObject>> ReadRestAsync(ActivityContext context, Connection connection, string? since)
    {
        var url = context.Get(Url) ?? throw new ActivityException("Reading changes over REST needs a url.");
        if (since is not null)
        {
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"{context.Get(SinceParameter) ?? "changedSince"}={Uri.EscapeDataString(since)}";
        }

        Uri uri;
        try
        {
            uri = RestConnection.Resolve(connection, url);
        }
        catch (ConnectionException ex)
        {
            throw new ActivityException(ex.Message, ex);
        }

        var client = clients.CreateClient(HttpRequest.ClientName);
        string text;
        try
        {
            using var response = await pipelines.ExecuteAsync(uri, 3, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                await rest.AuthenticateAsync(connection, request, client, token);
                return await client.SendAsync(request, token);
            });
            text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new ActivityException($"GET {uri.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode}: {(text.Length > 200 ? text[..200] : text)}");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException or ConnectionException)
        {
            throw new ActivityException($"GET {uri.GetLeftPart(UriPartial.Path)} failed: {Http.HttpRequest.Describe(ex)}", ex);
        }

        JsonNode? answer;
        try
        {
            answer = JsonLimits.Parse(text, "the answer");
        }
        catch (JsonException ex)
        {
            throw new ActivityException($"GET {uri.GetLeftPart(UriPartial.Path)} did not answer JSON: {ex.Message}", ex);
        }

        var items = answer as JsonArray ?? JsonPath.Get(answer, context.Get(ItemsPath) ?? "items") as JsonArray
            ?? throw new ActivityException($"GET {uri.GetLeftPart(UriPartial.Path)} answered without a list at '{context.Get(ItemsPath)}'.");
        return [.. items.OfType<JsonObject>().Select(i => i.DeepClone().AsObject())];
    }

    private static async Task<List<JsonObject>> ReadSqlAsync(ActivityContext context, Connection connection, string? since)
    {
        var sql = context.Get(Sql) ?? throw new ActivityException("Reading changes from a database needs sql (with @since).");
        try
        {
            await using var db = await SqlConnections.OpenAsync(connection, CancellationToken.None);
            var rows = await SqlConnections.ReadAsync(db, sql, new JsonObject { ["since"] = since }, TimeSpan.FromSeconds(30), 100_000);
            var items = rows.OfType<JsonObject>().ToList();
            rows.Clear(); // the rows leave the array, to join the result
            return items;
        }
        catch (System.Data.Common.DbException ex)
        {
            throw new ActivityException($"Reading changes through '{connection.Name}' failed: {ex.Message}", ex);
        }
    }

    private static string Mark(JsonObject item, string field) =>
        JsonValues.ToText(JsonPath.Get(item, field)) ?? throw new ActivityException($"A changed record has no '{field}': {item.ToJsonString()}");

    private static List<JsonObject> Order(List<JsonObject> items, string field) =>
        [.. items.Select(i => (Item: i, Mark: Mark(i, field))).OrderBy(x => x.Mark, Comparer<string?>.Create(Compare)).Select(x => x.Item)];

    /// <summary>Takes at most <paramref name="max"/> changes, never splitting changes with the same watermark between two runs.</summary>
    private static List<JsonObject> Cut(List<JsonObject> ordered, string field, int max)
    {
        if (ordered.Count <= max)
        {
            return ordered;
        }

        var boundary = Mark(ordered[max - 1], field);
        var cut = ordered.Take(max).ToList();
        if (Compare(Mark(ordered[max], field), boundary) == 0)
        {
            var kept = cut.Where(i => Compare(Mark(i, field), boundary) < 0).ToList();
            return kept.Count > 0 ? kept : [.. ordered.TakeWhile(i => Compare(Mark(i, field), boundary) == 0)];
        }

        return cut;
    }

    private static List<JsonObject> Latest(List<JsonObject> ordered, string? keyField) =>
        keyField is null ? ordered : [.. ordered.GroupBy(i => JsonValues.ToText(JsonPath.Get(i, keyField)) ?? "").Select(g => g.Last())];

    /// <summary>Numbers (row versions) by value, dates by time, anything else as text.</summary>
    public static int Compare(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null ? b is null ? 0 : -1 : 1;
        }

        if (decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var y))
        {
            return x.CompareTo(y);
        }

        if (DateTimeOffset.TryParse(a, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var p) && DateTimeOffset.TryParse(b, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var q))
        {
            return p.CompareTo(q);
        }

        return string.CompareOrdinal(a, b);
    }

    private static void Finish(ActivityContext context, List<JsonObject> items, string? from, string? to)
    {
        context.SetVariable(context.Get(ResultVariable)!, new JsonObject
        {
            ["items"] = new JsonArray([.. items]),
            ["count"] = items.Count,
            ["from"] = from,
            ["to"] = to,
        });
        context.Complete(items.Count > 0 ? Changes : None);
    }
}
