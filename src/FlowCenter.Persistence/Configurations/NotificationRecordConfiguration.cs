using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class NotificationRecordConfiguration : IEntityTypeConfiguration<NotificationRecord>
{
    public void Configure(EntityTypeBuilder<NotificationRecord> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.User).HasMaxLength(Lengths.Short * 2);
        builder.Property(n => n.Title).HasMaxLength(Lengths.Name);
        builder.Property(n => n.Detail).HasMaxLength(Lengths.Long);
        builder.Property(n => n.InstanceId).HasMaxLength(Lengths.Id);
        builder.Property(n => n.ItemId).HasMaxLength(Lengths.Id);
        builder.HasIndex(n => new { n.User, n.At });
        builder.HasIndex(n => new { n.User, n.ReadAt });
    }
}
