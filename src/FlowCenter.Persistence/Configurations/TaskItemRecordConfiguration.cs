using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class TaskItemRecordConfiguration : IEntityTypeConfiguration<TaskItemRecord>
{
    public void Configure(EntityTypeBuilder<TaskItemRecord> builder)
    {
        builder.ToTable("TaskItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(Lengths.Id);
        builder.Property(i => i.GroupId).HasMaxLength(Lengths.Id);
        builder.Property(i => i.InstanceId).HasMaxLength(Lengths.Id);
        builder.Property(i => i.Assignee).HasMaxLength(Lengths.Short * 2);
        builder.Property(i => i.Owner).HasMaxLength(Lengths.Short * 2);
        builder.Property(i => i.BlockedBy).HasMaxLength(Lengths.Id);
        builder.Property(i => i.Outcome).HasMaxLength(Lengths.Short);
        builder.Property(i => i.DecidedBy).HasMaxLength(Lengths.Short * 2);
        builder.Property(i => i.Comment).HasMaxLength(4000);
        builder.HasMany(i => i.Candidates).WithOne().HasForeignKey(c => c.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.GroupId);
        builder.HasIndex(i => new { i.Assignee, i.Status });
        builder.HasIndex(i => i.DecidedBy);
        builder.HasIndex(i => i.InstanceId);
    }
}
