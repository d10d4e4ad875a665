using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class TaskHistoryRecordConfiguration : IEntityTypeConfiguration<TaskHistoryRecord>
{
    public void Configure(EntityTypeBuilder<TaskHistoryRecord> builder)
    {
        builder.ToTable("TaskHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.InstanceId).HasMaxLength(Lengths.Id);
        builder.Property(h => h.GroupId).HasMaxLength(Lengths.Id);
        builder.Property(h => h.ItemId).HasMaxLength(Lengths.Id);
        builder.Property(h => h.NodeId).HasMaxLength(Lengths.Id);
        builder.Property(h => h.User).HasMaxLength(Lengths.Short * 2);
        builder.Property(h => h.Comment).HasMaxLength(4000);
        builder.Property(h => h.Target).HasMaxLength(Lengths.Long);
        builder.Property(h => h.OnBehalfOf).HasMaxLength(Lengths.Short * 2);
        builder.HasIndex(h => h.InstanceId);
    }
}
