using System.Security.Claims;
using System.Text.Json.Nodes;
using FlowCenter.Runtime.Batches;
using FlowCenter.Runtime.Cases;
using FlowCenter.Server.Security;

namespace FlowCenter.Server.Api;

/// <summary>
/// Batch operations on instances: preview the count, make the batch (its instances fixed from the same filter
/// the list reads), follow its progress and its result per instance. Operators and Administrators.
/// </summary>
public static class BatchApi
{
    public static RouteGroupBuilder MapBatches(this RouteGroupBuilder api)
    {
        // Body: { "action": "cancel|retry|suspend|resume", "filter": "?status=running&var=…" | "instanceIds": [..] }.
        api.MapPost("/batches/preview", (HttpRequest request, InstanceBatches batches, ClaimsPrincipal user, CancellationToken ct) =>
            FlowCenterApi.Answer(async () =>
            {
                var count = await batches.PreviewAsync(await ReadAsync(request, ct), Caller.From(user), ct);
                return Results.Ok(new { count });
            }))
            .RequireAuthorization(Policies.Operate);

        // As the preview, with "expectedCount" (the count the operator saw: another count is 409) and an optional "reason".
        api.MapPost("/batches", (HttpRequest request, InstanceBatches batches, ClaimsPrincipal user, CancellationToken ct) =>
            FlowCenterApi.Answer(async () =>
            {
                var batch = await batches.StartAsync(await ReadAsync(request, ct), Caller.From(user), ct);
                return Results.Accepted($"/api/batches/{batch.Id}", batch);
            }))
            .RequireAuthorization(Policies.Operate);

        api.MapGet("/batches", async (int? skip, int? take, InstanceBatches batches, ClaimsPrincipal user, CancellationToken ct) =>
            Results.Ok(await batches.ListAsync(skip ?? 0, take ?? 50, Caller.From(user), ct)))
            .RequireAuthorization(Policies.Operate);

        api.MapGet("/batches/{id}", async (string id, InstanceBatches batches, ClaimsPrincipal user, CancellationToken ct) =>
            await batches.FindAsync(id, Caller.From(user), ct) is { } batch
                ? Results.Ok(batch)
                : Results.NotFound(new ApiError($"No batch '{id}'.")))
            .RequireAuthorization(Policies.Operate);

        // ?outcome=pending|done|skipped|failed&skip=&take=
        api.MapGet("/batches/{id}/items", async (string id, string? outcome, int? skip, int? take, InstanceBatches batches, ClaimsPrincipal user, CancellationToken ct) =>
        {
            BatchItemOutcome? wanted = null;
            if (outcome is not null)
            {
                if (!Enum.TryParse<BatchItemOutcome>(outcome, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(outcome, out _))
                {
                    return Results.BadRequest(new ApiError($"Unknown outcome '{outcome}'; use {string.Join(", ", Enum.GetNames<BatchItemOutcome>()).ToLowerInvariant()}."));
                }

                wanted = parsed;
            }

            return await batches.FindAsync(id, Caller.From(user), ct) is null
                ? Results.NotFound(new ApiError($"No batch '{id}'."))
                : Results.Ok(await batches.ItemsAsync(id, wanted, skip ?? 0, take ?? 100, Caller.From(user), ct));
        })
            .RequireAuthorization(Policies.Operate);
        return api;
    }

    private static async Task<BatchRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await FlowCenterApi.ReadPayloadAsync(request, ct) as JsonObject
            ?? throw new ArgumentException("The body must be an object: { \"action\": \"cancel\", \"filter\": \"?status=running\" }.");
        var actionText = body["action"] is JsonValue a && a.TryGetValue<string>(out var text) ? text : null;
        if (actionText is null || !Enum.TryParse<BatchAction>(actionText, ignoreCase: true, out var action) || !Enum.IsDefined(action) || int.TryParse(actionText, out _))
        {
            throw new ArgumentException($"'action' must be one of {string.Join(", ", Enum.GetNames<BatchAction>()).ToLowerInvariant()}{(actionText is null ? "" : $", not '{actionText}'")}.");
        }

        IReadOnlyList<string>? ids = null;
        if (body["instanceIds"] is { } idsNode)
        {
            ids = idsNode is JsonArray array && array.All(x => x is JsonValue v && v.TryGetValue<string>(out _))
                ? [.. array.Select(x => x!.GetValue<string>())]
                : throw new ArgumentException("'instanceIds' must be an array of instance ids.");
        }

        int? expected = body["expectedCount"] is null ? null
            : body["expectedCount"] is JsonValue e && e.TryGetValue<int>(out var n) && n >= 0 ? n
            : throw new ArgumentException("'expectedCount' must be a whole number of 0 or more.");
        var filter = body["filter"] is null ? null
            : body["filter"] is JsonValue f && f.TryGetValue<string>(out var ft) ? ft
            : throw new ArgumentException("'filter' must be the list's filter as text, such as \"?status=running\".");
        var reason = body["reason"] is JsonValue r && r.TryGetValue<string>(out var rt) ? rt : null;
        if (filter is null && ids is null)
        {
            throw new ArgumentException("Say which instances: 'filter' (the list's filter, \"\" for every instance) or 'instanceIds'.");
        }

        return new BatchRequest(action) { Filter = filter, InstanceIds = ids, ExpectedCount = expected, Reason = reason };
    }
}
