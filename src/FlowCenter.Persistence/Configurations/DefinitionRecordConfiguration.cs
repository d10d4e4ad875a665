using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class DefinitionRecordConfiguration : IEntityTypeConfiguration<DefinitionRecord>
{
    public void Configure(EntityTypeBuilder<DefinitionRecord> builder)
    {
        builder.ToTable("Definitions");
        builder.HasKey(d => new { d.DefinitionId, d.Version });
        builder.Property(d => d.DefinitionId).HasMaxLength(Lengths.Id);
        builder.Property(d => d.Name).HasMaxLength(Lengths.Name);
        builder.Property(d => d.ContentHash).HasMaxLength(64);
        builder.HasIndex(d => new { d.DefinitionId, d.IsCurrent });
        builder.HasMany(d => d.Triggers).WithOne().HasForeignKey(t => new { t.DefinitionId, t.Version }).OnDelete(DeleteBehavior.Cascade);
    }
}
