using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class DepartmentRecordConfiguration : IEntityTypeConfiguration<DepartmentRecord>
{
    public void Configure(EntityTypeBuilder<DepartmentRecord> builder)
    {
        builder.ToTable("OrgDepartments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(Lengths.Id);
        builder.Property(d => d.Name).HasMaxLength(Lengths.Name);
        builder.Property(d => d.ParentId).HasMaxLength(Lengths.Id);
        builder.Property(d => d.ManagerUserName).HasMaxLength(Lengths.Name);
        builder.HasIndex(d => d.ParentId);
    }
}
