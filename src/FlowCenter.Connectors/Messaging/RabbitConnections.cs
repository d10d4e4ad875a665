using System.Collections.Concurrent;
using System.Globalization;
using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Connections;
using RabbitMQ.Client;

namespace FlowCenter.Connectors.Messaging;

/// <summary>
/// One AMQP connection per RabbitMQ connection of the registry (a broker connection is meant to be long-lived
/// and shared; channels are cheap), made again when its settings change or it was lost.
/// </summary>
public sealed class RabbitConnections : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, (string Fingerprint, Lazy<Task<IConnection>> Connection)> _open = new(StringComparer.Ordinal);

    public async Task<IConnection> GetAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        if (connection.Kind != ConnectionKind.RabbitMq)
        {
            throw new ConnectionException($"Connection '{connection.Name}' is a {connection.Kind} connection, not RabbitMQ.");
        }

        var factory = Factory(connection);
        var fingerprint = $"{factory.HostName}:{factory.Port}/{factory.VirtualHost}/{factory.UserName}/{factory.Password.GetHashCode(StringComparison.Ordinal)}";
        while (true)
        {
            var entry = _open.GetOrAdd(connection.Name, _ => (fingerprint, new Lazy<Task<IConnection>>(() => factory.CreateConnectionAsync($"FlowCenter ({connection.Name})", CancellationToken.None))));
            IConnection? open = null;
            try
            {
                open = await entry.Connection.Value.WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or System.Net.Sockets.SocketException)
            {
                _open.TryRemove(KeyValuePair.Create(connection.Name, entry));
                throw new ConnectionException($"RabbitMQ at {factory.HostName}:{factory.Port} ({connection.Name}) cannot be reached: {ex.InnerException?.Message ?? ex.Message}", ex);
            }

            if (entry.Fingerprint == fingerprint && open.IsOpen)
            {
                return open;
            }

            // Settings changed or the connection was lost: drop it and open another.
            if (_open.TryRemove(KeyValuePair.Create(connection.Name, entry)))
            {
                await open.DisposeAsync();
            }
        }
    }

    public static ConnectionFactory Factory(Connection connection)
    {
        var settings = connection.Settings;
        var host = JsonValues.ToText(settings["host"]) is { Length: > 0 } h ? h : throw new ConnectionException($"Connection '{connection.Name}' has no host.");
        if (connection.AllowedHosts.Count > 0 && !connection.AllowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            throw new ConnectionException($"Connection '{connection.Name}' does not allow {host}; it allows {string.Join(", ", connection.AllowedHosts)}.");
        }

        return new ConnectionFactory
        {
            HostName = host,
            Port = JsonValues.ToText(settings["port"]) is { Length: > 0 } port ? int.Parse(port, CultureInfo.InvariantCulture) : 5672,
            VirtualHost = JsonValues.ToText(settings["virtualHost"]) is { Length: > 0 } vhost ? vhost : "/",
            UserName = JsonValues.ToText(settings["userName"]) is { Length: > 0 } user ? user : "guest",
            Password = connection.Secrets.GetValueOrDefault("password") ?? "guest",
            RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
            AutomaticRecoveryEnabled = false, // FlowCenter reconnects itself, and knows when it did
        };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, entry) in _open)
        {
            if (entry.Connection.IsValueCreated && entry.Connection.Value.IsCompletedSuccessfully)
            {
                await entry.Connection.Value.Result.DisposeAsync();
            }
        }

        _open.Clear();
    }

    public void Dispose()
    {
        foreach (var (_, entry) in _open)
        {
            if (entry.Connection.IsValueCreated && entry.Connection.Value.IsCompletedSuccessfully)
            {
                entry.Connection.Value.Result.Dispose();
            }
        }

        _open.Clear();
    }
}
