using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence;

/// <summary>
/// The FlowCenter database. Each provider has a context of its own deriving from this one, so that each
/// keeps its own migrations; stores work with this type.
/// </summary>
public abstract class FlowCenterDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DefinitionRecord> Definitions => Set<DefinitionRecord>();

    public DbSet<TriggerRecord> Triggers => Set<TriggerRecord>();

    public DbSet<InstanceRecord> Instances => Set<InstanceRecord>();

    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();

    public DbSet<JournalRecord> Journal => Set<JournalRecord>();

    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FlowCenterDbContext).Assembly);
}
