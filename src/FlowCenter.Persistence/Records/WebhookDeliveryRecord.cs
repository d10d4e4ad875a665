namespace FlowCenter.Persistence.Records;

public sealed class WebhookDeliveryRecord
{
    public string Connection { get; set; } = "";

    public string DeliveryId { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }
}
