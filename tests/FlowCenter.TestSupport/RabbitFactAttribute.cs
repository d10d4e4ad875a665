namespace FlowCenter.TestSupport;

/// <summary>A test that needs the RabbitMQ broker ./test.sh starts; skipped with that reason without it.</summary>
public sealed class RabbitFactAttribute : FactAttribute
{
    public RabbitFactAttribute()
    {
        if (Broker is null)
        {
            Skip = "FLOWCENTER_TEST_RABBITMQ is not set; ./test.sh starts RabbitMQ and sets it";
        }
    }

    /// <summary>The broker, as <c>amqp://user:password@127.0.0.1:port/</c>.</summary>
    public static Uri? Broker => Environment.GetEnvironmentVariable("FLOWCENTER_TEST_RABBITMQ") is { Length: > 0 } broker ? new Uri(broker) : null;
}
