using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class BatchRecordConfiguration : IEntityTypeConfiguration<BatchRecord>
{
    public void Configure(EntityTypeBuilder<BatchRecord> builder)
    {
        builder.ToTable("Batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(Lengths.Id);
        builder.Property(b => b.Filter).HasMaxLength(4000);
        builder.Property(b => b.Reason).HasMaxLength(Lengths.Long);
        builder.Property(b => b.RequestedBy).HasMaxLength(Lengths.Name);
        builder.Property(b => b.RequestedRoles).HasMaxLength(Lengths.Long);
        builder.HasIndex(b => b.RequestedAt);
        builder.HasIndex(b => b.FinishedAt);
    }
}

internal sealed class BatchItemRecordConfiguration : IEntityTypeConfiguration<BatchItemRecord>
{
    public void Configure(EntityTypeBuilder<BatchItemRecord> builder)
    {
        builder.ToTable("BatchItems");
        builder.HasKey(i => new { i.BatchId, i.Position });
        builder.Property(i => i.BatchId).HasMaxLength(Lengths.Id);
        builder.Property(i => i.InstanceId).HasMaxLength(Lengths.Id);
        builder.Property(i => i.DefinitionId).HasMaxLength(Lengths.Id);
        builder.Property(i => i.BusinessKey).HasMaxLength(Lengths.Name);
        builder.Property(i => i.Message).HasMaxLength(Lengths.Long);
        builder.Property(i => i.ClaimedBy).HasMaxLength(Lengths.Name);
        builder.HasOne<BatchRecord>().WithMany().HasForeignKey(i => i.BatchId).OnDelete(DeleteBehavior.Cascade);

        // Pending items are found by batch and outcome; one instance is in a batch once.
        builder.HasIndex(i => new { i.BatchId, i.Outcome, i.Position });
        builder.HasIndex(i => new { i.BatchId, i.InstanceId }).IsUnique();
    }
}
