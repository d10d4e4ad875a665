using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;
using FlowCenter.Runtime.Execution;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace FlowCenter.Connectors.Messaging;

/// <summary>
/// The message trigger: consumes the queues listed in each RabbitMQ connection (setting <c>queues</c>) and turns
/// every message into an event — named by the message's type, else the queue — that starts the processes
/// listening for it and resumes those waiting for it. The correlation key is the message's correlation id, its
/// <c>x-correlation-key</c> header or the body field named by the connection's <c>correlationField</c>. A message
/// is acknowledged once its event is committed; a message id seen before is acknowledged and ignored (a
/// redelivery); a failure puts the message back once, then rejects it.
/// </summary>
public sealed partial class MessageTriggers(IConnectionStore connections, RabbitConnections rabbit, IWorkflowRuntime runtime, IWebhookDeliveries deliveries, Runtime.Audit.AuditTrail audit, TimeProvider clock, ILogger<MessageTriggers> logger)
    : BackgroundService
{
    private static readonly TimeSpan ReconcileEvery = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<string, Consumer> _running = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = [];

    private sealed record Consumer(string Fingerprint, IChannel Channel);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogReconcileFailed(logger, ex);
            }

            await Task.Delay(ReconcileEvery, clock, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var name in _running.Keys)
        {
            await StopConsumerAsync(name);
        }
    }

    /// <summary>Starts consumers for the RabbitMQ connections with queues, restarts changed or broken ones, stops removed ones.</summary>
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<string, (Connection Connection, string Fingerprint)>(StringComparer.Ordinal);
        foreach (var listed in await connections.ListAsync(cancellationToken))
        {
            if (listed.Kind == ConnectionKind.RabbitMq && Queues(listed).Count > 0 && await connections.FindAsync(listed.Name, cancellationToken) is { } connection)
            {
                wanted[connection.Name] = (connection, $"{connection.Settings.ToJsonString()}|{string.Join(",", connection.Secrets.Select(s => $"{s.Key}={s.Value.GetHashCode(StringComparison.Ordinal)}"))}");
            }
        }

        foreach (var (name, consumer) in _running)
        {
            if (!wanted.TryGetValue(name, out var want) || want.Fingerprint != consumer.Fingerprint || !consumer.Channel.IsOpen)
            {
                await StopConsumerAsync(name);
            }
        }

        foreach (var (name, (connection, fingerprint)) in wanted)
        {
            if (_running.ContainsKey(name))
            {
                continue;
            }

            try
            {
                _running[name] = new Consumer(fingerprint, await StartConsumerAsync(connection, cancellationToken));
                _reported.Remove(name);
                var queues = string.Join(", ", Queues(connection));
                LogConsuming(logger, name, queues);
            }
            catch (Exception ex) when (ex is ConnectionException or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException)
            {
                if (_reported.Add(name))
                {
                    LogCannotConsume(logger, name, ex.Message);
                }
            }
        }
    }

    private async Task<IChannel> StartConsumerAsync(Connection connection, CancellationToken cancellationToken)
    {
        var open = await rabbit.GetAsync(connection, cancellationToken);
        var channel = await open.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.BasicQosAsync(0, 16, false, cancellationToken);
            foreach (var queue in Queues(connection))
            {
                await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += (_, delivery) => HandleAsync(connection, queue, channel, delivery);
                await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
            }

            return channel;
        }
        catch
        {
            await channel.DisposeAsync();
            throw;
        }
    }

    private async Task StopConsumerAsync(string name)
    {
        if (_running.TryRemove(name, out var consumer))
        {
            try
            {
                await consumer.Channel.CloseAsync();
            }
            catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.AlreadyClosedException or IOException or OperationCanceledException)
            {
                // Gone already.
            }

            await consumer.Channel.DisposeAsync();
        }
    }

    private async Task HandleAsync(Connection connection, string queue, IChannel channel, BasicDeliverEventArgs delivery)
    {
        JsonNode? payload;
        try
        {
            payload = delivery.Body.Length == 0 ? null : JsonLimits.Parse(System.Text.Encoding.UTF8.GetString(delivery.Body.Span), "the body");
        }
        catch (JsonException ex)
        {
            LogRejected(logger, queue, connection.Name, ex is JsonLimitException ? ex.Message : $"the body is not JSON: {ex.Message}");
            await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false);
            return;
        }

        var properties = delivery.BasicProperties;
        var deliveryId = properties.MessageId is { Length: > 0 } id ? $"{queue}/{id}" : null;
        if (deliveryId is not null && !await deliveries.TryRecordAsync(connection.Name, deliveryId, clock.GetUtcNow()))
        {
            LogDuplicate(logger, queue, properties.MessageId!);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            return;
        }

        var correlation = properties.CorrelationId is { Length: > 0 } correlationId ? correlationId
            : properties.Headers?.TryGetValue("x-correlation-key", out var header) == true && header is byte[] bytes ? Encoding.UTF8.GetString(bytes)
            : JsonValues.ToText(connection.Settings["correlationField"]) is { Length: > 0 } field ? JsonValues.ToText(JsonPath.Get(payload, field))
            : null;
        try
        {
            var eventName = properties.Type is { Length: > 0 } type ? type : queue;
            var outcome = await runtime.PublishEventAsync(eventName, correlation, payload, "queue:" + queue);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            await audit.RecordAsAsync("queue:" + queue, "system", null, Runtime.Audit.AuditActions.EventPublished, $"event:{eventName}",
                $"message {properties.MessageId ?? "-"} on {connection.Name}, key {correlation ?? "-"}: resumed {outcome.Resumed}, started {outcome.StartedInstanceIds.Count}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (deliveryId is not null)
            {
                await deliveries.ForgetAsync(connection.Name, deliveryId);
            }

            LogRejected(logger, queue, connection.Name, ex.Message);
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: !delivery.Redelivered);
        }
    }

    private static List<string> Queues(Connection connection) =>
        [.. (JsonValues.ToText(connection.Settings["queues"]) ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming RabbitMQ connection {Connection}: {Queues}")]
    private static partial void LogConsuming(ILogger logger, string connection, string queues);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot consume RabbitMQ connection {Connection}: {Reason} (trying again)")]
    private static partial void LogCannotConsume(ILogger logger, string connection, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} on {Queue} was handled before; acknowledged and ignored")]
    private static partial void LogDuplicate(ILogger logger, string queue, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message on {Queue} ({Connection}) was not handled: {Reason}")]
    private static partial void LogRejected(ILogger logger, string queue, string connection, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The message triggers could not be brought in line with the connections")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception);
}
