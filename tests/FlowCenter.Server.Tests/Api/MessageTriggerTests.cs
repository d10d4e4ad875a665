using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;
using RabbitMQ.Client;

namespace FlowCenter.Server.Tests.Api;

/// <summary>Messages on a RabbitMQ queue start and resume processes in a real server, each message once.</summary>
public sealed class MessageTriggerTests
{
    [RabbitFact]
    public async Task Queue_MessagesStartAndResumeByCorrelation_RedeliveredAndMalformedOnesChangeNothing()
    {
        var queue = "orders-" + Guid.NewGuid().ToString("N")[..8];
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("released")
            .Node("start", "EventStart", ("eventName", "order.released"))
            .Node("wait", "WaitEvent", ("eventName", "order.shipped"), ("correlationKey", new Js("input.orderNo")))
            .Node("end", "End")
            .Connect("start", "wait").Connect("wait", "end").Build());
        await using var server = await ServerProcess.StartAsync("mq", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        var broker = RabbitFactAttribute.Broker!;
        var user = broker.UserInfo.Split(':');
        using (var saved = await server.Client.PutAsJsonAsync("/api/connections/mq", new
        {
            kind = "rabbitMq",
            settings = new { host = broker.Host, port = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), userName = user[0], queues = queue, correlationField = "orderNo" },
            secrets = new Dictionary<string, string> { ["password"] = user[1] },
        }))
        {
            saved.EnsureSuccessStatusCode();
        }

        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        async Task SendAsync(string body, string? messageId, string? type, string? correlationId = null) =>
            await channel.BasicPublishAsync("", queue, mandatory: false, new BasicProperties { MessageId = messageId, Type = type, CorrelationId = correlationId, Persistent = true }, Encoding.UTF8.GetBytes(body));

        await SendAsync("""{ "orderNo": "SO-1", "qty": 5 }""", "m-1", "order.released");
        await SendAsync("""{ "orderNo": "SO-1", "qty": 5 }""", "m-1", "order.released"); // the same message again
        await SendAsync("""{ "orderNo": "SO-2" """, "m-2", "order.released"); // not JSON
        await SendAsync("""{ "orderNo": "SO-3" }""", "m-3", "order.released");
        var started = await WaitForAsync(server, "/api/instances?definitionId=released", n => n["total"]!.GetValue<int>() >= 2);
        await SendAsync("""{ "carrier": "SF" }""", "m-4", "order.shipped", correlationId: "SO-1"); // key from the correlation id
        await SendAsync("""{ "orderNo": "SO-3" }""", "m-5", "order.shipped"); // key from the body field
        var completed = await WaitForAsync(server, "/api/instances?definitionId=released&status=completed", n => n["total"]!.GetValue<int>() >= 2);
        // The trigger handles one queue's messages in order: once a last message has started its instance,
        // every message before it was handled, so a stray second start of SO-1 would be there by now.
        await SendAsync("""{ "orderNo": "SO-9" }""", "m-9", "order.released");
        var all = await WaitForAsync(server, "/api/instances?definitionId=released", n => n["total"]!.GetValue<int>() >= 3);
        Assert.Equal(3, all["total"]!.GetValue<int>());
        Assert.Equal(2, completed["total"]!.GetValue<int>());
        Assert.Equal(2, started["total"]!.GetValue<int>());
        Assert.Equal(0u, (await channel.QueueDeclarePassiveAsync(queue)).MessageCount); // nothing left behind, the malformed one rejected
        Assert.Contains("body is not JSON", server.Log, StringComparison.Ordinal);
    }

    private static Task<JsonNode> WaitForAsync(ServerProcess server, string path, Func<JsonNode, bool> done) =>
        Eventually.ThatAsync(() => server.GetAsync(path), done, path);
}
