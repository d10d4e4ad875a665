using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class TaskGroupRecordConfiguration : IEntityTypeConfiguration<TaskGroupRecord>
{
    public void Configure(EntityTypeBuilder<TaskGroupRecord> builder)
    {
        builder.ToTable("TaskGroups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).HasMaxLength(Lengths.Id);
        builder.Property(g => g.InstanceId).HasMaxLength(Lengths.Id);
        builder.Property(g => g.DefinitionId).HasMaxLength(Lengths.Id);
        builder.Property(g => g.NodeId).HasMaxLength(Lengths.Id);
        builder.Property(g => g.Title).HasMaxLength(Lengths.Name);
        builder.Property(g => g.BusinessKey).HasMaxLength(Lengths.Name);
        builder.Property(g => g.Initiator).HasMaxLength(Lengths.Short * 2);
        builder.Property(g => g.Mode).HasMaxLength(20);
        builder.Property(g => g.Outcome).HasMaxLength(Lengths.Short);
        builder.Property(g => g.ReturnTo).HasMaxLength(Lengths.Id);
        builder.Property(g => g.Revision).IsConcurrencyToken();
        builder.HasIndex(g => g.InstanceId);
        builder.HasIndex(g => new { g.Status, g.DueAt });

        // Who waits on people, per process (the operators' home): the open groups only, never the closed history.
        builder.HasIndex(g => new { g.DefinitionId, g.InstanceId }, "IX_TaskGroups_Open").HasFilter($"\"Status\" = {(int)TaskGroupStatus.Open}");
        builder.HasIndex(g => new { g.Status, g.NextReminderAt });
        builder.HasIndex(g => new { g.Status, g.ResumedAt });
    }
}
