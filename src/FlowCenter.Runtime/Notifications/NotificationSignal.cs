namespace FlowCenter.Runtime.Notifications;

/// <summary>
/// Tells the bells open on this node that someone has news, so they update at once. A bell on another node of a
/// cluster hears of it at its next refresh.
/// </summary>
public sealed class NotificationSignal
{
    public event Action<IReadOnlyCollection<string>>? Changed;

    public void Raise(IReadOnlyCollection<string> users) => Changed?.Invoke(users);
}
