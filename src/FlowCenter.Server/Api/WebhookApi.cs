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
/// checked with the webhook connection's secret (an API key header, or an HMAC-SHA256 signature of the body), a
/// delivery id seen before is answered without doing anything again, and the JSON body is published as the event:
/// it starts the processes whose Start on event names it and resumes the instances waiting for it (the correlation
/// key from <c>?key=</c>, the <c>X-Correlation-Key</c> header, or the connection's correlationField in the body).
/// </summary>
public static class WebhookApi
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks/{connection}/{eventName}", async (string connection, string eventName, string? key, HttpRequest request,
            IConnectionStore connections, IWebhookDeliveries deliveries, IWorkflowRuntime runtime, TimeProvider clock, CancellationToken ct) =>
        {
            if (await connections.FindAsync(connection, ct) is not { Kind: ConnectionKind.Webhook } hook)
            {
                return Results.NotFound(new ApiError($"There is no webhook connection '{connection}'."));
            }

            if (await RequestBodies.ReadAsync(request, MaxBodyBytes, ct) is not { } body)
            {
                return RequestBodies.TooLarge(MaxBodyBytes);
            }

            if (!Authentic(hook, request, body))
            {
                return Results.Json(new ApiError("The delivery's key or signature does not match."), statusCode: StatusCodes.Status401Unauthorized);
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

            var deliveryId = request.Headers[Setting(hook, "deliveryIdHeader") ?? "X-Delivery-Id"].ToString();
            if (deliveryId.Length > 0 && !await deliveries.TryRecordAsync(connection, deliveryId, clock.GetUtcNow(), ct))
            {
                return Results.Ok(new { duplicate = true, deliveryId });
            }

            var correlation = key ?? NullIfEmpty(request.Headers["X-Correlation-Key"].ToString())
                ?? (Setting(hook, "correlationField") is { } field ? JsonValues.ToText(payload?[field]) : null);
            try
            {
                var outcome = await runtime.PublishEventAsync(eventName, correlation, payload, "webhook:" + connection, ct);
                return Results.Ok(outcome);
            }
            catch (AmbiguousCorrelationException ex)
            {
                if (deliveryId.Length > 0)
                {
                    await deliveries.ForgetAsync(connection, deliveryId, CancellationToken.None);
                }

                return Results.Conflict(new ApiError(ex.Message));
            }
            catch
            {
                if (deliveryId.Length > 0)
                {
                    await deliveries.ForgetAsync(connection, deliveryId, CancellationToken.None);
                }

                throw;
            }
        }).AllowAnonymous().DisableAntiforgery();

        // The registry over REST, for administrators and their scripts; secrets go in and never come out.
        var registry = app.MapGroup("/api/connections").RequireAuthorization(Security.Policies.Administer);
        registry.MapGet("/", async (IConnectionStore connections, CancellationToken ct) => Results.Ok(await connections.ListAsync(ct)));
        registry.MapPut("/{name}", async (string name, ConnectionBody body, IConnectionStore connections, CancellationToken ct) =>
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
        registry.MapDelete("/{name}", async (string name, IConnectionStore connections, CancellationToken ct) =>
        {
            await connections.DeleteAsync(name, ct);
            return Results.NoContent();
        });
        return app;
    }

    private static bool Authentic(Connection hook, HttpRequest request, byte[] body)
    {
        if (!hook.Secrets.TryGetValue("key", out var secret) || secret.Length == 0)
        {
            return false;
        }

        if (Setting(hook, "auth") == "hmac")
        {
            var sent = request.Headers[Setting(hook, "signatureHeader") ?? "X-Signature"].ToString();
            sent = sent.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase) ? sent[7..] : sent;
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(sent.ToLowerInvariant()), Encoding.ASCII.GetBytes(expected));
        }

        var given = request.Headers[Setting(hook, "apiKeyHeader") ?? "X-Api-Key"].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(secret));
    }

    private static string? Setting(Connection hook, string name) => JsonValues.ToText(hook.Settings[name]) is { Length: > 0 } value ? value : null;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
