using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class ConnectionRecordConfiguration : IEntityTypeConfiguration<ConnectionRecord>
{
    public void Configure(EntityTypeBuilder<ConnectionRecord> builder)
    {
        builder.ToTable("Connections");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(Lengths.Id);
        builder.Property(c => c.Description).HasMaxLength(Lengths.Long);
        builder.Property(c => c.AllowedHosts).HasMaxLength(Lengths.Long);
    }
}
