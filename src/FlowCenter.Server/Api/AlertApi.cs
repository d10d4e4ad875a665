using System.Security.Claims;
using FlowCenter.Runtime.Alerts;
using FlowCenter.Runtime.Cases;
using FlowCenter.Server.Security;

namespace FlowCenter.Server.Api;

/// <summary>Alert rules and alerts over REST, for Operators and Administrators (the service checks them too).</summary>
public static class AlertApi
{
    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder api)
    {
        // ?state=open|acknowledged|resolved&skip=&take=
        api.MapGet("/alerts", async (string? state, int? skip, int? take, AlertService alerts, ClaimsPrincipal user, CancellationToken ct) =>
        {
            AlertState? wanted = null;
            if (state is not null)
            {
                if (!Enum.TryParse<AlertState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(state, out _))
                {
                    return Results.BadRequest(new ApiError($"Unknown state '{state}'; use {string.Join(", ", Enum.GetNames<AlertState>()).ToLowerInvariant()}."));
                }

                wanted = parsed;
            }

            return Results.Ok(await alerts.ListAlertsAsync(wanted, skip ?? 0, take ?? 50, Caller.From(user), ct));
        })
            .RequireAuthorization(Policies.Operate);

        api.MapPost("/alerts/{id}/acknowledge", (string id, AlertService alerts, ClaimsPrincipal user, CancellationToken ct) =>
            FlowCenterApi.Answer(async () =>
            {
                try
                {
                    return Results.Ok(await alerts.AcknowledgeAsync(id, Caller.From(user), ct));
                }
                catch (KeyNotFoundException ex)
                {
                    return Results.NotFound(new ApiError(ex.Message));
                }
            }))
            .RequireAuthorization(Policies.Operate);

        // The rules are evaluated every minute by one job for the cluster; this evaluates them now.
        api.MapPost("/alerts/evaluate", async (AlertService alerts, ClaimsPrincipal user, CancellationToken ct) =>
            Results.Ok(await alerts.EvaluateNowAsync(Caller.From(user), ct)))
            .RequireAuthorization(Policies.Operate);

        // The operators' home as data: per process, the activity per hour (or ?byDay=true per day), what needs attention.
        api.MapGet("/monitor", async (bool? byDay, Runtime.Monitoring.MonitorService monitor, ClaimsPrincipal user, CancellationToken ct) =>
            Results.Ok(await monitor.OverviewAsync(byDay ?? false, Caller.From(user), cancellationToken: ct)))
            .RequireAuthorization(Policies.Operate);

        // Where the cases of one process version stand, per step: open executions and open problems.
        api.MapGet("/monitor/processes/{id}/versions/{version:int}/nodes", async (string id, int version, Runtime.Monitoring.MonitorService monitor, ClaimsPrincipal user, CancellationToken ct) =>
            Results.Ok(await monitor.NodeStatisticsAsync(id, version, Caller.From(user), ct)))
            .RequireAuthorization(Policies.Operate);

        api.MapGet("/alert-rules", async (AlertService alerts, ClaimsPrincipal user, CancellationToken ct) =>
            Results.Ok(await alerts.ListRulesAsync(Caller.From(user), ct)))
            .RequireAuthorization(Policies.Operate);

        // Body: { "name", "kind": "stepStuck|...", "definitionId", "nodeId", "thresholdSeconds", "percent", "minimumRuns",
        // "users": [..], "roles": [..], "remindEverySeconds", "enabled" }.
        api.MapPut("/alert-rules/{id}", (string id, AlertRuleBody body, AlertService alerts, ClaimsPrincipal user, CancellationToken ct) =>
            FlowCenterApi.Answer(async () => Results.Ok(await alerts.SaveRuleAsync(body.ToRule(id), Caller.From(user), ct))))
            .RequireAuthorization(Policies.Operate);

        api.MapDelete("/alert-rules/{id}", async (string id, AlertService alerts, ClaimsPrincipal user, CancellationToken ct) =>
            await alerts.DeleteRuleAsync(id, Caller.From(user), ct) ? Results.NoContent() : Results.NotFound(new ApiError($"No alert rule '{id}'.")))
            .RequireAuthorization(Policies.Operate);
        return api;
    }
}

/// <summary>An alert rule as the API takes it; times in seconds.</summary>
public sealed record AlertRuleBody(string? Name, AlertKind Kind)
{
    public string? DefinitionId { get; init; }

    public string? NodeId { get; init; }

    public double? ThresholdSeconds { get; init; }

    public double? Percent { get; init; }

    public int? MinimumRuns { get; init; }

    public IReadOnlyList<string>? Users { get; init; }

    public IReadOnlyList<string>? Roles { get; init; }

    public double? RemindEverySeconds { get; init; }

    public bool? Enabled { get; init; }

    public AlertRule ToRule(string id) => new(id, Name ?? "", Kind)
    {
        DefinitionId = DefinitionId, NodeId = NodeId, Threshold = ThresholdSeconds is { } t ? TimeSpan.FromSeconds(t) : null, Percent = Percent,
        MinimumRuns = MinimumRuns ?? 5, Users = Users ?? [], Roles = Roles ?? [], RemindEvery = RemindEverySeconds is { } r ? TimeSpan.FromSeconds(r) : null, Enabled = Enabled ?? true,
    };
}
