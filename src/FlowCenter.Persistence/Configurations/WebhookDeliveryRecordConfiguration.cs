using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowCenter.Persistence.Configurations;

internal sealed class WebhookDeliveryRecordConfiguration : IEntityTypeConfiguration<WebhookDeliveryRecord>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryRecord> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => new { d.Connection, d.DeliveryId });
        builder.Property(d => d.Connection).HasMaxLength(Lengths.Id);
        builder.Property(d => d.DeliveryId).HasMaxLength(Lengths.Name);
    }
}
