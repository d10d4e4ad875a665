using FlowCenter.Engine.State;
using FlowCenter.Persistence.Records;
using FlowCenter.Runtime.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class InstanceRecordConfiguration : IEntityTypeConfiguration<InstanceRecord>
{
    private static readonly string LiveStatuses = string.Join(", ", Enum.GetValues<WorkflowStatus>().Where(InstanceTally.IsLiveStatus).Select(s => (int)s));

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
        // The unfiltered list's orders, with the id that breaks ties in the index: given only the time, SQLite
        // (3.53) sorts the whole history for a first page whose size is a parameter.
        builder.HasIndex(i => new { i.CreatedAt, i.Id });
        builder.HasIndex(i => new { i.UpdatedAt, i.Id });
        builder.HasIndex(i => new { i.Status, i.DurationMs });

        // A page by duration reads the ended cases by duration and the live ones (no duration yet) by start.
        builder.HasIndex(i => new { i.DurationMs, i.Id });
        builder.HasIndex(i => i.StartedMs, "IX_Instances_Running_StartedMs").HasFilter("\"DurationMs\" IS NULL");

        // The operators' home counts what ended today and this week: a window on the end time, not the history,
        // covered (status, process, duration and start in the index), so that a busy week is read from the index alone.
        builder.HasIndex(i => new { i.CompletedAt, i.Status, i.DefinitionId, i.DurationMs, i.StartedMs }, "IX_Instances_Ended");

        // What started per hour or day: a window on the start, read from the index alone.
        builder.HasIndex(i => i.StartedMs);

        // The live cases by start (alerts on cases running too long): partial, over the live statuses only. A
        // planner that knows only how many distinct statuses there are, not that nearly every case is completed
        // (SQLite's statistics), otherwise walks the start index from the oldest completed case, through all
        // history. Queries name the live statuses as this filter does: "Status" IN (Running, Waiting, Suspended).
        builder.HasIndex(i => i.CreatedAt, "IX_Instances_Live_CreatedAt").HasFilter($"\"Status\" IN ({LiveStatuses})");

        // One child per parent bookmark, whatever number of nodes try to start it. Partial, over children only: with
        // every top-level case in it as NULL, the planner took "children of X" for a scan of the whole history.
        builder.HasIndex(i => new { i.ParentInstanceId, i.ParentBookmarkId }).IsUnique().HasFilter("\"ParentInstanceId\" IS NOT NULL");
    }
}
