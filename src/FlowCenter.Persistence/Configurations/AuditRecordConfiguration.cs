using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("AuditLog");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Actor).HasMaxLength(Lengths.Short * 2);
        builder.Property(a => a.Via).HasMaxLength(Lengths.Short);
        builder.Property(a => a.Action).HasMaxLength(Lengths.Short);
        builder.Property(a => a.Target).HasMaxLength(Lengths.Name);
        builder.Property(a => a.Address).HasMaxLength(Lengths.Short);
        builder.Property(a => a.Detail).HasMaxLength(4000);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Actor, a.At });
        builder.HasIndex(a => new { a.Action, a.At });
    }
}
