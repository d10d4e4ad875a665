using System.Text;
using System.Text.Json.Nodes;
using FlowCenter.Connectors.Messaging;
using FlowCenter.Connectors.Tests.TestSupport;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.State;
using FlowCenter.Runtime.Connections;
using RabbitMQ.Client;

namespace FlowCenter.Connectors.Tests.Messaging;

/// <summary>Publishing to the RabbitMQ broker ./test.sh starts on 127.0.0.1.</summary>
public sealed class PublishMessageTests : IDisposable
{
    private readonly ConnectorHost _connector = new();
    private readonly string _queue = "test-" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose() => _connector.Dispose();

    [RabbitFact]
    public async Task Publish_ToAQueue_DeliversThePersistentJsonWithIdCorrelationAndType()
    {
        await _connector.Connections.SaveAsync(TestBroker.Connection("mq"));

        var instance = await RunAsync(("routingKey", _queue), ("declareQueue", true), ("correlationKey", new Js("input.orderNo")), ("type", "order.released"),
            ("body", new Js("({ orderNo: input.orderNo, lines: [ { sku: 'HP-200', quantity: 20 } ], note: '加急' })")));

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        await using var connection = await RabbitConnections.Factory(TestBroker.Connection("mq")).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var message = await channel.BasicGetAsync(_queue, autoAck: true);
        Assert.NotNull(message);
        var body = JsonNode.Parse(Encoding.UTF8.GetString(message.Body.Span))!;
        Assert.Equal("SO-42", body["orderNo"]!.GetValue<string>());
        Assert.Equal("加急", body["note"]!.GetValue<string>());
        Assert.Equal("SO-42", message.BasicProperties.CorrelationId);
        Assert.Equal("order.released", message.BasicProperties.Type);
        Assert.Equal(DeliveryModes.Persistent, message.BasicProperties.DeliveryMode);
        Assert.StartsWith(instance.Id + "-", message.BasicProperties.MessageId, StringComparison.Ordinal);
        await channel.QueueDeleteAsync(_queue);
    }

    [RabbitFact]
    public async Task Publish_WhereNoQueueTakesIt_FailsSayingSoInsteadOfLosingIt()
    {
        await _connector.Connections.SaveAsync(TestBroker.Connection("mq"));

        var instance = await RunAsync(("routingKey", _queue), ("body", new Js("({ a: 1 })")));

        Assert.Contains($"No queue takes messages sent to '' with routing key '{_queue}'", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_BrokerDown_FailsNamingTheAddress()
    {
        var down = RabbitFactAttribute.Broker is null ? new Connection("mq", ConnectionKind.RabbitMq) { Settings = new JsonObject { ["host"] = "127.0.0.1", ["port"] = "1" } } : TestBroker.Connection("mq");
        down.Settings["port"] = "1";
        await _connector.Connections.SaveAsync(down);

        var instance = await RunAsync(("routingKey", _queue), ("body", new Js("({ a: 1 })")));

        Assert.Contains("RabbitMQ at 127.0.0.1:1 (mq) cannot be reached", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
    }

    private async Task<WorkflowInstance> RunAsync(params (string Name, object? Value)[] inputs)
    {
        var id = "publish-" + Guid.NewGuid().ToString("N")[..6];
        _connector.Host.Register(new WorkflowBuilder(id)
            .Node("start", "Start")
            .Node("publish", "PublishMessage", [("connection", "mq"), .. inputs])
            .Node("end", "End")
            .Connect("start", "publish").Connect("publish", "end")
            .Build());
        return await _connector.Host.StartAsync(id, new StartOptions { Input = new Dictionary<string, JsonNode?> { ["orderNo"] = "SO-42" } });
    }
}
