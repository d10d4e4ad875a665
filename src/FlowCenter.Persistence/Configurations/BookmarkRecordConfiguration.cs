using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class BookmarkRecordConfiguration : IEntityTypeConfiguration<BookmarkRecord>
{
    public void Configure(EntityTypeBuilder<BookmarkRecord> builder)
    {
        builder.ToTable("Bookmarks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(Lengths.Id);
        builder.Property(b => b.InstanceId).HasMaxLength(Lengths.Id);
        builder.Property(b => b.NodeId).HasMaxLength(Lengths.Id);
        builder.Property(b => b.Name).HasMaxLength(Lengths.Name);
        builder.Property(b => b.CorrelationKey).HasMaxLength(Lengths.Name);
        builder.Property(b => b.Assignee).HasMaxLength(Lengths.Name);
        builder.HasOne<InstanceRecord>().WithMany().HasForeignKey(b => b.InstanceId).OnDelete(DeleteBehavior.Cascade);

        // Resume by event, fire due timers, list a person's tasks.
        builder.HasIndex(b => new { b.Kind, b.Name, b.CorrelationKey });
        builder.HasIndex(b => b.DueAt);
        builder.HasIndex(b => b.Assignee);
    }
}
