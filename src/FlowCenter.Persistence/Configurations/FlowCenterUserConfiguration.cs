using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

/// <summary>The organisation's columns on Identity's user table (its own columns are configured by Identity).</summary>
internal sealed class FlowCenterUserConfiguration : IEntityTypeConfiguration<FlowCenterUser>
{
    public void Configure(EntityTypeBuilder<FlowCenterUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(Lengths.Name);
        builder.Property(u => u.DepartmentId).HasMaxLength(Lengths.Id);
        builder.Property(u => u.PositionId).HasMaxLength(Lengths.Id);
        builder.Property(u => u.ManagerUserName).HasMaxLength(256);
        builder.HasIndex(u => u.DepartmentId);
        builder.HasIndex(u => u.PositionId);
        builder.HasIndex(u => u.ManagerUserName);
    }
}
