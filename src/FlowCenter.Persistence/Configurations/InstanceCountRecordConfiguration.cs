using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class InstanceCountRecordConfiguration : IEntityTypeConfiguration<InstanceCountRecord>
{
    public void Configure(EntityTypeBuilder<InstanceCountRecord> builder)
    {
        builder.ToTable("InstanceCounts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.DefinitionId).HasMaxLength(Lengths.Id);
    }
}
