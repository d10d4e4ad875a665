namespace FlowCenter.Runtime.Tasks;

/// <summary>Where attached files are kept (in the FlowCenter database, so that a backup holds everything).</summary>
public interface IAttachmentStore
{
    Task<TaskAttachment> AddAsync(TaskAttachment attachment, byte[] content, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TaskAttachment>> ListAsync(string instanceId, CancellationToken cancellationToken = default);

    Task<(TaskAttachment Attachment, byte[] Content)?> OpenAsync(long id, CancellationToken cancellationToken = default);
}
