using System.Globalization;
using System.Text;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Instances;
using FlowCenter.Server.Security;

namespace FlowCenter.Server.Api;

/// <summary>
/// The operators' instance list and its CSV export. Both read their filter with <see cref="InstanceFilterText"/>,
/// as the Studio's list does, so the same parameters select the same instances everywhere.
/// </summary>
public static class InstanceListApi
{
    public static RouteGroupBuilder MapInstanceLists(this RouteGroupBuilder api)
    {
        // ?definitionId=&version=&status=&hasIncidents=&businessKey=&startedBy=&node=&parent=&incident=&startedFrom=&startedTo=
        // &completedFrom=&completedTo=&var=amount>=1000&var=supplier contains acme&sort=-started|started|-updated|updated|-duration|duration&skip=&take=
        api.MapGet("/instances", async (HttpRequest request, IWorkflowRuntime runtime, CancellationToken ct) =>
            Read(request, out var query, out var error)
                ? Results.Ok(await runtime.QueryAsync(query, ct))
                : Results.BadRequest(new ApiError(error)))
            .RequireAuthorization(Policies.Operate);

        // Every instance the filter selects, not one page, written as the database reads it.
        api.MapGet("/instances/export", (HttpContext http, IWorkflowRuntime runtime, TimeProvider time, CancellationToken ct) =>
        {
            if (!Read(http.Request, out var query, out var error))
            {
                return Results.BadRequest(new ApiError(error));
            }

            var now = time.GetUtcNow();
            return Results.Stream(async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024);
                await writer.WriteLineAsync("id,process,version,businessKey,status,currentSteps,startedBy,started,updated,completed,durationSeconds,openIncidents");
                var count = 0;
                await foreach (var row in runtime.StreamAsync(query, ct))
                {
                    await writer.WriteLineAsync(string.Join(',',
                        Csv.Cell(row.Id), Csv.Cell(row.DefinitionId), row.DefinitionVersion.ToString(CultureInfo.InvariantCulture), Csv.Cell(row.BusinessKey),
                        row.Status.ToString().ToLowerInvariant(), Csv.Cell(row.CurrentNodes?.Replace(',', ' ')), Csv.Cell(row.StartedBy),
                        Time(row.CreatedAt), Time(row.UpdatedAt), Time(row.CompletedAt),
                        ((long)row.DurationAt(now).TotalSeconds).ToString(CultureInfo.InvariantCulture), row.OpenIncidents.ToString(CultureInfo.InvariantCulture)));
                    if (++count % 500 == 0)
                    {
                        await writer.FlushAsync(ct);
                    }
                }
            }, "text/csv; charset=utf-8", $"instances-{now:yyyyMMdd-HHmmss}.csv");
        })
            .RequireAuthorization(Policies.Operate);
        return api;
    }

    private static bool Read(HttpRequest request, out InstanceQuery query, out string error)
    {
        if (request.Query.Keys.FirstOrDefault(k => !InstanceFilterText.Names.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            // A misspelt filter must not widen the list (or an export) to every instance.
            query = new InstanceQuery();
            error = $"Unknown parameter '{unknown}'; the filters are {string.Join(", ", InstanceFilterText.Names)}.";
            return false;
        }

        return InstanceFilterText.TryRead(name => Values(request.Query, name), out query, out error);
    }

    private static IReadOnlyList<string> Values(IQueryCollection query, string name) =>
        query.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { Count: > 0 } values
            ? [.. values.Where(v => v is not null).Select(v => v!)]
            : [];

    private static string Time(DateTimeOffset? time) => time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
