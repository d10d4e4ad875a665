using System.Globalization;
using System.Text;
using System.Security.Claims;
using FlowCenter.Runtime.Audit;
using FlowCenter.Runtime.Cases;

namespace FlowCenter.Server.Api;

/// <summary>The audit log for Administrators: read with filters, or exported whole as CSV (streamed). Nothing edits or deletes it.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").RequireAuthorization(Security.Policies.Administer);
        audit.MapGet("/", async (DateTimeOffset? from, DateTimeOffset? to, string? actor, string? action, string? text, int? skip, int? take, AuditTrail trail, ClaimsPrincipal user, CancellationToken ct) =>
            Results.Ok(await trail.QueryAsync(Query(from, to, actor, action, text) with { Skip = Math.Max(skip ?? 0, 0), Take = Math.Clamp(take ?? 100, 1, 1000) }, Caller.From(user), ct)));
        audit.MapGet("/export", (DateTimeOffset? from, DateTimeOffset? to, string? actor, string? action, string? text, AuditTrail trail, ClaimsPrincipal user, HttpContext http) =>
            Results.Stream(async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                await writer.WriteLineAsync("id,at,actor,via,action,target,address,detail");
                await foreach (var entry in trail.ReadAllAsync(Query(from, to, actor, action, text), Caller.From(user), http.RequestAborted))
                {
                    await writer.WriteLineAsync(string.Join(",", new[]
                    {
                        entry.Id.ToString(CultureInfo.InvariantCulture), entry.At.ToString("O", CultureInfo.InvariantCulture), entry.Actor, entry.Via, entry.Action, entry.Target, entry.Address ?? "", entry.Detail ?? "",
                    }.Select(Csv.Cell)));
                }
            }, "text/csv; charset=utf-8", "audit.csv"));
        return app;
    }

    private static AuditQuery Query(DateTimeOffset? from, DateTimeOffset? to, string? actor, string? action, string? text) =>
        new() { From = from, To = to, Actor = actor, Action = action, Text = text };
}
