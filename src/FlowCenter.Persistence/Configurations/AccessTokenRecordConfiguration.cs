using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class AccessTokenRecordConfiguration : IEntityTypeConfiguration<AccessTokenRecord>
{
    public void Configure(EntityTypeBuilder<AccessTokenRecord> builder)
    {
        builder.ToTable("AccessTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(Lengths.Id);
        builder.Property(t => t.UserName).HasMaxLength(Lengths.Short * 2);
        builder.Property(t => t.Name).HasMaxLength(Lengths.Short);
        builder.Property(t => t.Scopes).HasMaxLength(Lengths.Short);
        builder.Property(t => t.Prefix).HasMaxLength(20);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.RevokedBy).HasMaxLength(Lengths.Short * 2);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.UserName);
    }
}
