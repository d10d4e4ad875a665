using FlowCenter.Engine.State;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Tasks;

namespace FlowCenter.Runtime.Cases;

/// <summary>
/// A case's data for a caller, through <see cref="CaseAccess"/>: nothing for someone without a part in it (the
/// pages and the API then answer "not found", so an id alone tells nothing), incident details (stack traces)
/// for Operators only.
/// </summary>
public sealed class CaseReader(CaseAccess access, IInstanceStore instances, ITaskStore tasks, IAttachmentStore attachments)
{
    /// <summary>The instance with its whole journal, or null when there is none or the caller may not see it.</summary>
    public async Task<WorkflowInstance?> GetInstanceAsync(string instanceId, Caller caller, CancellationToken cancellationToken = default)
    {
        if (await instances.LoadAsync(instanceId, cancellationToken) is not { } stored || !await access.MayReadAsync(stored, caller, cancellationToken))
        {
            return null;
        }

        stored.Instance.Journal = [.. await instances.GetJournalAsync(instanceId, cancellationToken)];
        return ForCaller(stored.Instance, caller);
    }

    /// <summary>An instance as <paramref name="caller"/> may see it: incident details (stack traces) for Operators only.</summary>
    public static WorkflowInstance ForCaller(WorkflowInstance instance, Caller caller)
    {
        if (!caller.IsOperator)
        {
            foreach (var incident in instance.Incidents)
            {
                incident.Detail = null;
            }
        }

        return instance;
    }

    /// <summary>A task with its step, the case's history and where it can be returned to; null when not the caller's to see.</summary>
    public async Task<TaskDetails?> GetTaskAsync(string itemId, Caller caller, CancellationToken cancellationToken = default)
    {
        var groupId = await tasks.FindGroupIdOfItemAsync(itemId, cancellationToken);
        var group = groupId is null ? null : await tasks.FindGroupAsync(groupId, cancellationToken);
        if (group?.Items.Find(i => i.Id == itemId) is not { } item || !await access.MayReadAsync(group.InstanceId, caller, cancellationToken))
        {
            return null;
        }

        var history = await tasks.GetHistoryAsync(group.InstanceId, cancellationToken);
        var groups = await tasks.ListGroupsAsync(group.InstanceId, cancellationToken);
        return new TaskDetails(group, item, history, ReturnTargets.Of(groups, group));
    }

    /// <summary>Every decision, comment and hand-over of the case; empty when not the caller's to see.</summary>
    public async Task<IReadOnlyList<TaskHistoryEntry>> HistoryAsync(string instanceId, Caller caller, CancellationToken cancellationToken = default) =>
        await access.MayReadAsync(instanceId, caller, cancellationToken) ? await tasks.GetHistoryAsync(instanceId, cancellationToken) : [];

    public async Task<IReadOnlyList<TaskAttachment>> AttachmentsAsync(string instanceId, Caller caller, CancellationToken cancellationToken = default) =>
        await access.MayReadAsync(instanceId, caller, cancellationToken) ? await attachments.ListAsync(instanceId, cancellationToken) : [];

    /// <summary>An attached file with its content; null when there is none or it is not the caller's to see.</summary>
    public async Task<(TaskAttachment Attachment, byte[] Content)?> OpenAttachmentAsync(long id, Caller caller, CancellationToken cancellationToken = default) =>
        await attachments.OpenAsync(id, cancellationToken) is { } file && await access.MayReadAsync(file.Attachment.InstanceId, caller, cancellationToken)
            ? file
            : null;
}
