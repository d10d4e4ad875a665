using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class WatermarkRecordConfiguration : IEntityTypeConfiguration<WatermarkRecord>
{
    public void Configure(EntityTypeBuilder<WatermarkRecord> builder)
    {
        builder.ToTable("Watermarks");
        builder.HasKey(w => w.Name);
        builder.Property(w => w.Name).HasMaxLength(Lengths.Name);
        builder.Property(w => w.Value).HasMaxLength(Lengths.Name);
        builder.Property(w => w.Revision).IsConcurrencyToken();
    }
}

internal sealed class WatermarkClaimRecordConfiguration : IEntityTypeConfiguration<WatermarkClaimRecord>
{
    public void Configure(EntityTypeBuilder<WatermarkClaimRecord> builder)
    {
        builder.ToTable("WatermarkClaims");
        builder.HasKey(c => new { c.Name, c.Claimant });
        builder.Property(c => c.Name).HasMaxLength(Lengths.Name);
        builder.Property(c => c.Claimant).HasMaxLength(Lengths.Name);
        builder.Property(c => c.From).HasMaxLength(Lengths.Name);
        builder.Property(c => c.To).HasMaxLength(Lengths.Name);
        builder.HasIndex(c => c.ClaimedAt);
    }
}
