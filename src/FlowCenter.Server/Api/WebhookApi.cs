using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;
using FlowCenter.Runtime.Execution;

namespace FlowCenter.Server.Api;

/// <summary>
/// <c>POST /hooks/{connection}/{event}</c>: another system tells FlowCenter something happened. The delivery is
/// checked with the webhook connection's secret (an API key header, or an HMAC-SHA256 signature of timestamp, delivery
/// id and body, refused when the timestamp is more than five minutes off), the delivery id is required and one seen
/// before is answered without doing anything again, and the JSON body is published as the event:
/// it starts the processes whose Start on event names it and resumes the instances waiting for it (the correlation
/// key from <c>?key=</c>, the <c>X-Correlation-Key</c> header, or the connection's correlationField in the body).
/// </summary>
public static class WebhookApi
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>How far a signed delivery's timestamp may be from this server's clock.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks/{connection}/{eventName}", async (string connection, string eventName, string? key, HttpRequest request,
            IConnectionStore connections, IWebhookDeliveries deliveries, IWorkflowRuntime runtime, FlowCenter.Runtime.Audit.AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        {
            if (await connections.FindAsync(connection, ct) is not { Kind: ConnectionKind.Webhook } hook)
            {
                return Results.NotFound(new ApiError($"There is no webhook connection '{connection}'."));
            }

            if (await RequestBodies.ReadAsync(request, MaxBodyBytes, ct) is not { } body)
            {
                return RequestBodies.TooLarge(MaxBodyBytes);
            }

            var deliveryId = request.Headers[Setting(hook, "deliveryIdHeader") ?? "X-Delivery-Id"].ToString();
            if (deliveryId.Length is 0 or > 200)
            {
                return Results.BadRequest(new ApiError("A delivery needs its delivery id (X-Delivery-Id, up to 200 characters), the same on every attempt."));
            }

            if (Authentic(hook, request, body, deliveryId, clock.GetUtcNow()) is { } refused)
            {
                return Results.Json(new ApiError(refused), statusCode: StatusCodes.Status401Unauthorized);
            }

            JsonNode? payload;
            try
            {
                payload = body.Length == 0 ? null : JsonNode.Parse(body);
            }
            catch (JsonException ex)
            {
                return Results.BadRequest(new ApiError($"The body is not valid JSON: {ex.Message}"));
            }

            if (!await deliveries.TryRecordAsync(connection, deliveryId, clock.GetUtcNow(), ct))
            {
                return Results.Ok(new { duplicate = true, deliveryId });
            }

            var correlation = key ?? NullIfEmpty(request.Headers["X-Correlation-Key"].ToString())
                ?? (Setting(hook, "correlationField") is { } field ? JsonValues.ToText(payload?[field]) : null);
            try
            {
                var outcome = await runtime.PublishEventAsync(eventName, correlation, payload, "webhook:" + connection, ct);
                await audit.RecordAsAsync("webhook:" + connection, "system", request.HttpContext.Connection.RemoteIpAddress?.ToString(), FlowCenter.Runtime.Audit.AuditActions.EventPublished,
                    $"event:{eventName}", $"delivery {deliveryId}, key {correlation ?? "-"}: resumed {outcome.Resumed}, started {outcome.StartedInstanceIds.Count}", ct);
                return Results.Ok(outcome);
            }
            catch (Exception ex)
            {
                // Not taken: the sender may deliver it again under the same id.
                await deliveries.ForgetAsync(connection, deliveryId, CancellationToken.None);
                if (ex is AmbiguousCorrelationException)
                {
                    return Results.Conflict(new ApiError(ex.Message));
                }

                throw;
            }
        }).AllowAnonymous().DisableAntiforgery();

        // The registry over REST, for administrators and their scripts; secrets go in and never come out.
        var registry = app.MapGroup("/api/connections").RequireAuthorization(Security.Policies.Administer);
        registry.MapGet("/", async (ConnectionRegistry connections, CancellationToken ct) => Results.Ok(await connections.ListAsync(ct)));
        registry.MapPut("/{name}", async (string name, ConnectionBody body, ConnectionRegistry connections, CancellationToken ct) =>
        {
            try
            {
                await connections.SaveAsync(new Connection(name, body.Kind)
                {
                    Description = body.Description,
                    Settings = body.Settings ?? [],
                    Secrets = body.Secrets ?? new Dictionary<string, string>(),
                    AllowedHosts = body.AllowedHosts ?? [],
                }, ct);
                return Results.NoContent();
            }
            catch (ConnectionException ex)
            {
                return Results.BadRequest(new ApiError(ex.Message));
            }
        });
        registry.MapDelete("/{name}", async (string name, ConnectionRegistry connections, CancellationToken ct) =>
        {
            await connections.DeleteAsync(name, ct);
            return Results.NoContent();
        });
        return app;
    }

    /// <summary>
    /// Null when the delivery is the connection's: an HMAC-SHA256 over <c>{timestamp}.{deliveryId}.{body}</c> with the
    /// <c>X-Timestamp</c> (Unix seconds) no further than <see cref="MaxClockSkew"/> from now, so that a captured
    /// delivery can neither be resent later nor under another id; or the connection's API key. Else why not.
    /// </summary>
    private static string? Authentic(Connection hook, HttpRequest request, byte[] body, string deliveryId, DateTimeOffset now)
    {
        if (!hook.Secrets.TryGetValue("key", out var secret) || secret.Length == 0)
        {
            return "The webhook connection has no key.";
        }

        if (Setting(hook, "auth") == "hmac")
        {
            var stamp = request.Headers[Setting(hook, "timestampHeader") ?? "X-Timestamp"].ToString();
            if (!long.TryParse(stamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                return "A signed delivery needs its X-Timestamp (Unix seconds), signed with it.";
            }

            if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > MaxClockSkew.TotalSeconds)
            {
                return $"The delivery's timestamp is more than {MaxClockSkew.TotalMinutes:0} minutes from now: too old to take (or a clock is wrong).";
            }

            var sent = request.Headers[Setting(hook, "signatureHeader") ?? "X-Signature"].ToString();
            sent = sent.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase) ? sent[7..] : sent;
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes($"{stamp}.{deliveryId}."), .. body]));
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(sent.ToLowerInvariant()), Encoding.ASCII.GetBytes(expected))
                ? null
                : "The delivery's signature does not match.";
        }

        var given = request.Headers[Setting(hook, "apiKeyHeader") ?? "X-Api-Key"].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(secret)) ? null : "The delivery's key does not match.";
    }

    private static string? Setting(Connection hook, string name) => JsonValues.ToText(hook.Settings[name]) is { Length: > 0 } value ? value : null;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
