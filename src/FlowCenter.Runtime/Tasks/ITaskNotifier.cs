namespace FlowCenter.Runtime.Tasks;

/// <summary>A channel notifications go out on (in-app, e-mail, chat webhook). A failing channel does not stop the others.</summary>
public interface ITaskNotifier
{
    Task NotifyAsync(IReadOnlyList<TaskNotification> notifications, CancellationToken cancellationToken);
}
