using System.Globalization;
using System.Text.Json.Nodes;
using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Tests.TestSupport;

/// <summary>The test broker (<see cref="RabbitFactAttribute.Broker"/>) as a RabbitMQ connection.</summary>
internal static class TestBroker
{
    public static Connection Connection(string name, string? queues = null)
    {
        var uri = RabbitFactAttribute.Broker!;
        var user = uri.UserInfo.Split(':');
        return new(name, ConnectionKind.RabbitMq)
        {
            Settings = new JsonObject { ["host"] = uri.Host, ["port"] = uri.Port.ToString(CultureInfo.InvariantCulture), ["userName"] = user[0], ["queues"] = queues },
            Secrets = new Dictionary<string, string> { ["password"] = user[1] },
        };
    }
}
