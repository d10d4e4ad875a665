using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Stores;

public sealed class EfAttachmentStore(FlowCenterDbContextFactory contexts) : IAttachmentStore
{
    public async Task<TaskAttachment> AddAsync(TaskAttachment attachment, byte[] content, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var record = new AttachmentRecord
        {
            InstanceId = attachment.InstanceId, GroupId = attachment.GroupId, FileName = attachment.FileName, ContentType = attachment.ContentType,
            Size = content.LongLength, UploadedBy = attachment.UploadedBy, At = attachment.At, Content = content,
        };
        db.Attachments.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return attachment with { Id = record.Id, Size = record.Size };
    }

    public async Task<IReadOnlyList<TaskAttachment>> ListAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Attachments.AsNoTracking().Where(a => a.InstanceId == instanceId).OrderBy(a => a.Id)
            .Select(a => new TaskAttachment(a.Id, a.InstanceId, a.GroupId, a.FileName, a.ContentType, a.Size, a.UploadedBy, a.At))
            .ToListAsync(cancellationToken);
    }

    public async Task<(TaskAttachment Attachment, byte[] Content)?> OpenAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var a = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        return a is null ? null : (new TaskAttachment(a.Id, a.InstanceId, a.GroupId, a.FileName, a.ContentType, a.Size, a.UploadedBy, a.At), a.Content);
    }
}
