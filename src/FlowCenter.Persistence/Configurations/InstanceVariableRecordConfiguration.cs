using FlowCenter.Persistence.Records;
using FlowCenter.Persistence.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class InstanceVariableRecordConfiguration : IEntityTypeConfiguration<InstanceVariableRecord>
{
    public void Configure(EntityTypeBuilder<InstanceVariableRecord> builder)
    {
        builder.ToTable("InstanceVariables");
        builder.HasKey(v => new { v.InstanceId, v.Name });
        builder.Property(v => v.InstanceId).HasMaxLength(Lengths.Id);
        builder.Property(v => v.Name).HasMaxLength(Lengths.Id);
        builder.Property(v => v.Text).HasMaxLength(InstanceVariableRows.TextLength);
        builder.HasOne<InstanceRecord>().WithMany().HasForeignKey(v => v.InstanceId).OnDelete(DeleteBehavior.Cascade);

        // A filter by value finds its instances from the value, whatever the number of instances.
        builder.HasIndex(v => new { v.Name, v.Text });
        builder.HasIndex(v => new { v.Name, v.Number });

        // The same over the live cases only: a filter by value with a live status does not grow with the history.
        builder.HasIndex(v => new { v.Name, v.Text }, "IX_InstanceVariables_Live_Name_Text").HasFilter("\"Live\"");
        builder.HasIndex(v => new { v.Name, v.Number }, "IX_InstanceVariables_Live_Name_Number").HasFilter("\"Live\"");
    }
}
