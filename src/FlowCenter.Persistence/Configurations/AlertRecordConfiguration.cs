using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class AlertRuleRecordConfiguration : IEntityTypeConfiguration<AlertRuleRecord>
{
    public void Configure(EntityTypeBuilder<AlertRuleRecord> builder)
    {
        builder.ToTable("AlertRules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(Lengths.Id);
        builder.Property(r => r.Name).HasMaxLength(Lengths.Name);
        builder.Property(r => r.DefinitionId).HasMaxLength(Lengths.Id);
        builder.Property(r => r.NodeId).HasMaxLength(Lengths.Id);
        builder.Property(r => r.Users).HasMaxLength(Lengths.Long);
        builder.Property(r => r.Roles).HasMaxLength(Lengths.Long);
        builder.Property(r => r.UpdatedBy).HasMaxLength(Lengths.Name);
    }
}

internal sealed class AlertRecordConfiguration : IEntityTypeConfiguration<AlertRecord>
{
    public void Configure(EntityTypeBuilder<AlertRecord> builder)
    {
        builder.ToTable("Alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(Lengths.Id);
        builder.Property(a => a.RuleId).HasMaxLength(Lengths.Id);
        builder.Property(a => a.Key).HasMaxLength(Lengths.Name);
        builder.Property(a => a.OpenKey).HasMaxLength(Lengths.Name);
        builder.Property(a => a.RuleName).HasMaxLength(Lengths.Name);
        builder.Property(a => a.DefinitionId).HasMaxLength(Lengths.Id);
        builder.Property(a => a.InstanceId).HasMaxLength(Lengths.Id);
        builder.Property(a => a.NodeId).HasMaxLength(Lengths.Id);
        builder.Property(a => a.Summary).HasMaxLength(Lengths.Long);
        builder.Property(a => a.Facts).HasMaxLength(Lengths.Long);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(Lengths.Name);
        builder.HasOne<AlertRuleRecord>().WithMany().HasForeignKey(a => a.RuleId).OnDelete(DeleteBehavior.Cascade);

        // One unresolved alert per rule and occurrence, however many evaluations run at once.
        builder.HasIndex(a => new { a.RuleId, a.OpenKey }).IsUnique();
        builder.HasIndex(a => new { a.State, a.OpenedAt });
    }
}
