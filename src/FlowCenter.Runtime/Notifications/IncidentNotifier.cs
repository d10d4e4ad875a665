using FlowCenter.Engine.State;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Tasks;
using Microsoft.Extensions.Logging;

namespace FlowCenter.Runtime.Notifications;

/// <summary>
/// Tells the operators (every active person with the Operator role) of each incident a commit raised, through
/// every channel: the bell, e-mail, the chat robots. The requester's page says the operators were told, so they
/// must be. Runs after the commit: a process that dies in between does not tell (the incident stays listed).
/// </summary>
public sealed partial class IncidentNotifier(IDirectory directory, IEnumerable<ITaskNotifier> notifiers, TimeProvider clock, ILogger<IncidentNotifier> logger) : ICommitObserver
{
    public async Task OnCommittedAsync(StoredInstance stored, IReadOnlyList<Bookmark> added, IReadOnlyList<(string Id, BookmarkKind Kind)> removed, CancellationToken cancellationToken)
    {
        var raised = stored.IncidentsRaised;
        if (raised.Count == 0)
        {
            return;
        }

        var instance = stored.Instance;
        var operators = (await directory.ListUsersAsync(cancellationToken)).Where(p => p.Active && p.Roles.Contains(Roles.Operator, StringComparer.OrdinalIgnoreCase)).ToList();
        if (operators.Count == 0)
        {
            LogNobodyToTell(logger, instance.Id);
            return;
        }

        var at = clock.GetUtcNow();
        var title = $"{instance.DefinitionId} {instance.BusinessKey ?? instance.Id}";
        List<TaskNotification> notifications = [.. raised.SelectMany(incident => operators.Select(person =>
            new TaskNotification(person.UserName, TaskNotificationKind.Incident, $"{title} · {incident.NodeId}", instance.Id, null, at) { Detail = incident.Message }))];
        foreach (var notifier in notifiers)
        {
            try
            {
                await notifier.NotifyAsync(notifications, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogNotifyFailed(logger, ex, notifier.GetType().Name, instance.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} has a new incident and no active person has the Operator role to tell")]
    private static partial void LogNobodyToTell(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {Channel} could not tell the operators of the incident of instance {InstanceId}")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string channel, string instanceId);
}
