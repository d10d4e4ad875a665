namespace FlowCenter.Runtime.Tasks;

public sealed partial class TaskService
{
    /// <summary>
    /// Attaches a file to the case of an item, by its assignee or the case's initiator, within the size limit;
    /// the history notes it.
    /// </summary>
    public async Task<TaskAttachment> AttachAsync(string itemId, string user, string fileName, string contentType, byte[] content, CancellationToken cancellationToken = default)
    {
        var max = runtimeOptions.Value.MaxAttachmentBytes;
        if (content.LongLength > max)
        {
            throw new TaskActionException(TaskRefusal.FileTooLarge, $"'{fileName}' is {content.LongLength / 1024} KiB; files up to {max / 1024 / 1024} MiB can be attached.", [fileName, $"{content.LongLength / 1024}", $"{max / 1024 / 1024}"]);
        }

        var groupId = await store.FindGroupIdOfItemAsync(itemId, cancellationToken) ?? throw new TaskActionException(TaskRefusal.NoTask, $"There is no task '{itemId}'.", [itemId]);
        var group = (await store.FindGroupAsync(groupId, cancellationToken))!;
        var item = group.Items.Single(i => i.Id == itemId);
        if (!string.Equals(item.Assignee, user, StringComparison.OrdinalIgnoreCase) && !string.Equals(group.Initiator, user, StringComparison.OrdinalIgnoreCase))
        {
            throw new TaskActionException(TaskRefusal.MayNotAttach, $"Only {item.Assignee ?? "whoever claims it"} or the initiator can attach files to '{group.Title}'.", [group.Title]);
        }

        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var attachment = await attachments.AddAsync(new TaskAttachment(0, group.InstanceId, group.Id, name.Length > 200 ? name[^200..] : name, contentType, content.LongLength, user, Now), content, cancellationToken);
        await ChangeGroupAsync(groupId, g => [Entry(g, item, user, TaskAction.Attach) with { Target = attachment.FileName }], cancellationToken);
        return attachment;
    }
}
