using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class JournalRecordConfiguration : IEntityTypeConfiguration<JournalRecord>
{
    public void Configure(EntityTypeBuilder<JournalRecord> builder)
    {
        builder.ToTable("Journal");
        builder.HasKey(j => new { j.InstanceId, j.Sequence });
        builder.Property(j => j.InstanceId).HasMaxLength(Lengths.Id);
        builder.Property(j => j.NodeId).HasMaxLength(Lengths.Id);
        builder.Property(j => j.ActivityType).HasMaxLength(Lengths.Short);
        builder.Property(j => j.Outcome).HasMaxLength(Lengths.Name);
        builder.Property(j => j.Worker).HasMaxLength(Lengths.Short);

        // Alert rules ask for steps open too long (open entries by start) and a step's runs in a window. The first is
        // partial, over open entries only: a full index on the end time would look selective for "still open" to the
        // planner and draw an instance's own open entries away from its key.
        builder.HasIndex(j => j.StartedAt).HasDatabaseName("IX_Journal_Open_StartedAt").HasFilter("\"CompletedAt\" IS NULL");
        builder.HasIndex(j => new { j.NodeId, j.StartedAt });
        builder.Property(j => j.ResumedBy).HasMaxLength(Lengths.Name);
        builder.HasOne<InstanceRecord>().WithMany().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
