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
        builder.Property(w => w.ClaimFrom).HasMaxLength(Lengths.Name);
        builder.Property(w => w.ClaimedBy).HasMaxLength(Lengths.Name);
        builder.Property(w => w.Revision).IsConcurrencyToken();
    }
}
