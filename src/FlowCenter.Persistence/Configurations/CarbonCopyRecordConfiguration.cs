using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class CarbonCopyRecordConfiguration : IEntityTypeConfiguration<CarbonCopyRecord>
{
    public void Configure(EntityTypeBuilder<CarbonCopyRecord> builder)
    {
        builder.ToTable("TaskCopies");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.InstanceId).HasMaxLength(Lengths.Id);
        builder.Property(c => c.GroupId).HasMaxLength(Lengths.Id);
        builder.Property(c => c.UserName).HasMaxLength(Lengths.Short * 2);
        builder.Property(c => c.FromUser).HasMaxLength(Lengths.Short * 2);
        builder.Property(c => c.Title).HasMaxLength(Lengths.Name);
        builder.HasIndex(c => new { c.UserName, c.At });
        builder.HasIndex(c => c.InstanceId);
    }
}
