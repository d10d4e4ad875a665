namespace FlowCenter.Runtime.Connections;

/// <summary>The delivery ids each webhook sender has used, so that a delivery sent twice is handled once.</summary>
public interface IWebhookDeliveries
{
    /// <summary>Records a delivery; false when it was recorded before (a duplicate).</summary>
    Task<bool> TryRecordAsync(string connection, string deliveryId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Forgets a delivery whose handling failed, so that the sender's retry is handled.</summary>
    Task ForgetAsync(string connection, string deliveryId, CancellationToken cancellationToken = default);
}
