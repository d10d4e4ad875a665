using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class AttachmentRecordConfiguration : IEntityTypeConfiguration<AttachmentRecord>
{
    public void Configure(EntityTypeBuilder<AttachmentRecord> builder)
    {
        builder.ToTable("TaskAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.InstanceId).HasMaxLength(Lengths.Id);
        builder.Property(a => a.GroupId).HasMaxLength(Lengths.Id);
        builder.Property(a => a.FileName).HasMaxLength(Lengths.Name);
        builder.Property(a => a.ContentType).HasMaxLength(Lengths.Short);
        builder.Property(a => a.UploadedBy).HasMaxLength(Lengths.Short * 2);
        builder.HasIndex(a => a.InstanceId);
    }
}
