using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class DelegationRecordConfiguration : IEntityTypeConfiguration<DelegationRecord>
{
    public void Configure(EntityTypeBuilder<DelegationRecord> builder)
    {
        builder.ToTable("OrgDelegations");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.UserName).HasMaxLength(Lengths.Short * 2);
        builder.Property(d => d.DelegateTo).HasMaxLength(Lengths.Short * 2);
        builder.Property(d => d.DefinitionId).HasMaxLength(Lengths.Id);
        builder.HasIndex(d => new { d.UserName, d.Until });
    }
}
