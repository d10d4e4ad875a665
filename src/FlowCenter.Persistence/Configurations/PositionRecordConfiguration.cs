using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class PositionRecordConfiguration : IEntityTypeConfiguration<PositionRecord>
{
    public void Configure(EntityTypeBuilder<PositionRecord> builder)
    {
        builder.ToTable("OrgPositions");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(Lengths.Id);
        builder.Property(p => p.Name).HasMaxLength(Lengths.Name);
        builder.Property(p => p.DepartmentId).HasMaxLength(Lengths.Id);
    }
}
