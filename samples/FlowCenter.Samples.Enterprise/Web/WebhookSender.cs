using System.Security.Cryptography;
using System.Text;
using FlowCenter.Samples.Enterprise.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlowCenter.Samples.Enterprise.Web;

/// <summary>
/// Delivers the outbox to FlowCenter in order: <c>POST {FlowCenterUrl}/hooks/{connection}/{event}</c>, the JSON
/// body signed with HMAC-SHA256 over <c>{X-Timestamp}.{delivery id}.{body}</c> (<c>X-Signature: sha256=...</c>), its delivery id (<c>X-Delivery-Id</c>, the
/// same on every attempt) and correlation key. A failed delivery is tried again with a growing pause (up to a
/// minute), and given up after 30 attempts.
/// </summary>
public sealed partial class WebhookSender(IServiceScopeFactory scopes, IHttpClientFactory clients, IOptions<EnterpriseOptions> options, TimeProvider clock, ILogger<WebhookSender> logger) : BackgroundService
{
    private const int MaxAttempts = 30;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
            {
                LogFailed(logger, ex);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(300), clock, stoppingToken);
        }
    }

    public async Task SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnterpriseDb>();
        var now = clock.GetUtcNow().UtcTicks;
        var due = await db.Outbox.Where(m => m.SentAt == null && !m.GaveUp && m.NextAttemptTicks <= now).OrderBy(m => m.Id).Take(50).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return;
        }

        var settings = options.Value;
        var client = clients.CreateClient(nameof(WebhookSender));
        var secret = Encoding.UTF8.GetBytes(settings.WebhookSecret);
        foreach (var message in due)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{settings.FlowCenterUrl.TrimEnd('/')}/hooks/{settings.WebhookConnection}/{message.Event}");
            var body = Encoding.UTF8.GetBytes(message.Body);
            request.Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json; charset=utf-8" } } };
            request.Headers.Add("X-Delivery-Id", message.DeliveryId);
            // Signed over the time of this attempt and the delivery id too: a captured delivery cannot be resent later or renamed.
            var stamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            request.Headers.Add("X-Timestamp", stamp);
            request.Headers.Add("X-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, (byte[])[.. Encoding.UTF8.GetBytes($"{stamp}.{message.DeliveryId}."), .. body])));
            if (message.CorrelationKey is not null)
            {
                request.Headers.Add("X-Correlation-Key", message.CorrelationKey);
            }

            message.Attempts++;
            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    message.SentAt = clock.GetUtcNow();
                    message.LastError = null;
                }
                else
                {
                    Failed(message, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Failed(message, ex.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private void Failed(OutboxMessage message, string error)
    {
        message.LastError = error.Length > 500 ? error[..500] : error;
        message.GaveUp = message.Attempts >= MaxAttempts;
        var pause = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, message.Attempts - 1)));
        message.NextAttemptTicks = (clock.GetUtcNow() + pause).UtcTicks;
        LogDeliveryFailed(logger, message.Event, message.DeliveryId, message.Attempts, message.LastError);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Event} ({DeliveryId}) attempt {Attempt} failed: {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, string @event, string deliveryId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook outbox could not be read")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
