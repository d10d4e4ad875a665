using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Samples.Enterprise.Data;

/// <summary>One record of one system (a CRM order, an ERP purchase order, a WMS receipt...): its fields as JSON.</summary>
public sealed class Record
{
    public long Id { get; set; }

    public required string System { get; set; }

    public required string Kind { get; set; }

    public required string Key { get; set; }

    public required string Data { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Counts the record's changes; also its concurrency token.</summary>
    public long Version { get; set; }
}

/// <summary>A webhook to send to FlowCenter, written in the same transaction as the change it reports.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public required string DeliveryId { get; set; }

    public required string Event { get; set; }

    public required string Body { get; set; }

    public string? CorrelationKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>When a failed delivery is tried again (UTC ticks).</summary>
    public long NextAttemptTicks { get; set; }

    /// <summary>Set when the delivery was given up after too many attempts.</summary>
    public bool GaveUp { get; set; }

    public string? LastError { get; set; }
}

/// <summary>The answer given to a request with an Idempotency-Key, so a retried request gets it again instead of a second record.</summary>
public sealed class IdempotentAnswer
{
    public required string Key { get; set; }

    public int Status { get; set; }

    public required string Body { get; set; }
}

/// <summary>Document numbers per kind (SO-0001, WO-0001...).</summary>
public sealed class NumberSequence
{
    public required string Name { get; set; }

    public int Next { get; set; }
}

public sealed class EnterpriseDb(DbContextOptions<EnterpriseDb> options) : DbContext(options)
{
    public DbSet<Record> Records => Set<Record>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<IdempotentAnswer> Answers => Set<IdempotentAnswer>();

    public DbSet<NumberSequence> Sequences => Set<NumberSequence>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Record>(record =>
        {
            record.HasIndex(r => new { r.System, r.Kind, r.Key }).IsUnique();
            record.HasIndex(r => new { r.System, r.Kind, r.UpdatedAt });
            record.Property(r => r.Version).IsConcurrencyToken();
            // SQLite cannot order by DateTimeOffset; stored as UTC ticks, which sort as time does.
            record.Property(r => r.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            record.Property(r => r.UpdatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.HasIndex(m => m.SentAt);
            message.HasIndex(m => m.DeliveryId).IsUnique();
        });
        modelBuilder.Entity<IdempotentAnswer>().HasKey(a => a.Key);
        modelBuilder.Entity<NumberSequence>().HasKey(s => s.Name);
    }
}
