using System.Text;
using System.Text.Json.Nodes;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace FlowCenter.Connectors.Messaging;

/// <summary>
/// Publishes a JSON message to RabbitMQ (persistent, confirmed by the broker; a message no queue takes is an
/// error, not silence). Its message id is fixed at the node's first execution, so a consumer can tell a
/// re-published message (after a crash or retry) from a new one.
/// </summary>
[Activity("PublishMessage", Category = "Connectors", DisplayName = "Publish message", Description = "Publishes a JSON message to a RabbitMQ exchange or queue, confirmed by the broker.")]
public sealed class PublishMessage(IConnectionStore connections, RabbitConnections rabbit) : IActivity
{
    public static readonly ActivityInput<string?> Connection = Inputs.String("connection", "A RabbitMQ connection by name.", required: true, literalOnly: true);

    public static readonly ActivityInput<string?> Exchange = Inputs.String("exchange", "The exchange (empty: the default exchange, where the routing key names a queue).");

    public static readonly ActivityInput<string?> RoutingKey = Inputs.String("routingKey", "The routing key, or the queue's name on the default exchange.", required: true);

    public static readonly ActivityInput<JsonNode?> Body = Inputs.Any("body", "The message, as JSON.", required: true);

    public static readonly ActivityInput<string?> CorrelationKey = Inputs.String("correlationKey", "The correlation id the message carries (a waiting process is found by it).");

    public static readonly ActivityInput<string?> MessageType = Inputs.String("type", "The message's type (a consumer may take it as the event name).");

    public static readonly ActivityInput<JsonObject?> Headers = Inputs.Object("headers", "Message headers.");

    public static readonly ActivityInput<bool> DeclareQueue = Inputs.Boolean("declareQueue", "Declare the routing key's queue (durable) on the default exchange first.", defaultValue: false);

    public async ValueTask ExecuteAsync(ActivityContext context)
    {
        var name = context.Get(Connection)!;
        var connection = await connections.FindAsync(name) ?? throw new ActivityException($"There is no connection '{name}'.");
        var messageId = Outcomes.RunKey(context, "messageId");
        var exchange = context.Get(Exchange) ?? "";
        var routingKey = context.Get(RoutingKey)!;
        var properties = new BasicProperties
        {
            Persistent = true,
            MessageId = messageId,
            ContentType = "application/json",
            CorrelationId = context.Get(CorrelationKey),
            Type = context.Get(MessageType),
            Headers = context.Get(Headers)?.ToDictionary(h => h.Key, h => (object?)(JsonValues.ToText(h.Value) ?? h.Value?.ToJsonString())),
        };
        var body = Encoding.UTF8.GetBytes((context.Get(Body) ?? JsonValue.Create((string?)null))?.ToJsonString() ?? "null");
        try
        {
            var open = await rabbit.GetAsync(connection);
            await using var channel = await open.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
            if (context.Get(DeclareQueue) && exchange.Length == 0)
            {
                await channel.QueueDeclareAsync(routingKey, durable: true, exclusive: false, autoDelete: false);
            }

            await channel.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, body);
        }
        catch (PublishException ex)
        {
            throw new ActivityException(ex.IsReturn
                ? $"No queue takes messages sent to '{exchange}' with routing key '{routingKey}' ({name})."
                : $"RabbitMQ ({name}) did not accept the message to '{exchange}'/'{routingKey}'.", ex);
        }
        catch (Exception ex) when (ex is ConnectionException or OperationInterruptedException or AlreadyClosedException)
        {
            throw new ActivityException($"Publishing to '{exchange}'/'{routingKey}' ({name}) failed: {ex.Message}", ex);
        }

        context.Complete(Ports.Done);
    }
}
