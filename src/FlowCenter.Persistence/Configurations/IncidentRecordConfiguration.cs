using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class IncidentRecordConfiguration : IEntityTypeConfiguration<IncidentRecord>
{
    public void Configure(EntityTypeBuilder<IncidentRecord> builder)
    {
        builder.ToTable("Incidents");
        builder.HasKey(i => new { i.InstanceId, i.Id });
        builder.Property(i => i.InstanceId).HasMaxLength(Lengths.Id);
        builder.Property(i => i.NodeId).HasMaxLength(Lengths.Id);
        builder.Property(i => i.ErrorType).HasMaxLength(Lengths.Short);
        builder.Property(i => i.Resolution).HasMaxLength(Lengths.Short);
        builder.HasOne<InstanceRecord>().WithMany().HasForeignKey(i => i.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.ResolvedAt);
    }
}
