using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class TriggerRecordConfiguration : IEntityTypeConfiguration<TriggerRecord>
{
    public void Configure(EntityTypeBuilder<TriggerRecord> builder)
    {
        builder.ToTable("DefinitionTriggers");
        builder.HasKey(t => new { t.DefinitionId, t.Version, t.NodeId });
        builder.Property(t => t.DefinitionId).HasMaxLength(Lengths.Id);
        builder.Property(t => t.NodeId).HasMaxLength(Lengths.Id);
        builder.Property(t => t.Value).HasMaxLength(Lengths.Name);
        builder.Property(t => t.TimeZone).HasMaxLength(Lengths.Short);
        builder.HasIndex(t => new { t.Kind, t.Value });
    }
}
