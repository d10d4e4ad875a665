using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class InstanceRecordConfiguration : IEntityTypeConfiguration<InstanceRecord>
{
    public void Configure(EntityTypeBuilder<InstanceRecord> builder)
    {
        builder.ToTable("Instances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(Lengths.Id);
        builder.Property(i => i.DefinitionId).HasMaxLength(Lengths.Id);
        builder.Property(i => i.BusinessKey).HasMaxLength(Lengths.Name);
        builder.Property(i => i.StartedBy).HasMaxLength(Lengths.Name);
        builder.Property(i => i.ParentInstanceId).HasMaxLength(Lengths.Id);
        builder.Property(i => i.ParentBookmarkId).HasMaxLength(Lengths.Id);
        builder.Property(i => i.CurrentNodes).HasMaxLength(Lengths.Long);
        builder.Property(i => i.Revision).IsConcurrencyToken();

        // The queries of instance lists and monitoring.
        builder.HasIndex(i => new { i.Status, i.CreatedAt });
        builder.HasIndex(i => new { i.DefinitionId, i.DefinitionVersion, i.Status });
        builder.HasIndex(i => i.BusinessKey);
        builder.HasIndex(i => i.CreatedAt);
        builder.HasIndex(i => new { i.Status, i.DurationMs });

        // The operators' home counts what ended today and this week: a window on the end time, not the history.
        builder.HasIndex(i => i.CompletedAt);

        // One child per parent bookmark, whatever number of nodes try to start it. Partial, over children only: with
        // every top-level case in it as NULL, the planner took "children of X" for a scan of the whole history.
        builder.HasIndex(i => new { i.ParentInstanceId, i.ParentBookmarkId }).IsUnique().HasFilter("\"ParentInstanceId\" IS NOT NULL");
    }
}
