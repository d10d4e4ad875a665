using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class TaskCandidateRecordConfiguration : IEntityTypeConfiguration<TaskCandidateRecord>
{
    public void Configure(EntityTypeBuilder<TaskCandidateRecord> builder)
    {
        builder.ToTable("TaskCandidates");
        builder.HasKey(c => new { c.ItemId, c.Kind, c.Value });
        builder.Property(c => c.ItemId).HasMaxLength(Lengths.Id);
        builder.Property(c => c.Kind).HasMaxLength(1);
        builder.Property(c => c.Value).HasMaxLength(Lengths.Short * 2);
        builder.HasIndex(c => new { c.Kind, c.Value });
    }
}
