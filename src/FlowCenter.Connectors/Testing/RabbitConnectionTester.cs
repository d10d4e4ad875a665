using FlowCenter.Connectors.Messaging;
using FlowCenter.Runtime.Connections;
using RabbitMQ.Client;

namespace FlowCenter.Connectors.Testing;

/// <summary>Tries a RabbitMQ connection: signs in to the broker and checks that the listed queues can be declared.</summary>
public sealed class RabbitConnectionTester : IConnectionTester
{
    public ConnectionKind Kind => ConnectionKind.RabbitMq;

    public async Task<ConnectionTestResult> TestAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ConnectionFactory factory;
        try
        {
            factory = RabbitConnections.Factory(connection);
        }
        catch (Exception ex) when (ex is ConnectionException or FormatException)
        {
            return new ConnectionTestResult(false, ex.Message);
        }

        try
        {
            await using var open = await factory.CreateConnectionAsync("FlowCenter (test)", cancellationToken);
            await using var channel = await open.CreateChannelAsync(cancellationToken: cancellationToken);
            var queues = Engine.Json.JsonValues.ToText(connection.Settings["queues"])?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            foreach (var queue in queues)
            {
                await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
            }

            var version = open.ServerProperties is { } server && server.TryGetValue("version", out var raw) && raw is byte[] v ? System.Text.Encoding.UTF8.GetString(v) + " " : "";
            var ready = queues.Length > 0 ? $"; queues {string.Join(", ", queues)} ready" : "";
            return new ConnectionTestResult(true, $"Connected to RabbitMQ {version}at {factory.HostName}:{factory.Port}{ready}.");
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException)
        {
            return new ConnectionTestResult(false, $"RabbitMQ at {factory.HostName}:{factory.Port}: {ex.InnerException?.Message ?? ex.Message}");
        }
    }
}
