using FlowCenter.Persistence.Records;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence;

/// <summary>
/// The FlowCenter database. Each provider has a context of its own deriving from this one, so that each
/// keeps its own migrations; stores work with this type. Local accounts and roles (ASP.NET Core Identity)
/// live here too, beside the organisation they belong to.
/// </summary>
public abstract class FlowCenterDbContext(DbContextOptions options) : IdentityDbContext<FlowCenterUser>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring, shared by every node (cookies, encrypted connection secrets).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ConnectionRecord> Connections => Set<ConnectionRecord>();

    public DbSet<AccessTokenRecord> AccessTokens => Set<AccessTokenRecord>();

    public DbSet<AuditRecord> AuditLog => Set<AuditRecord>();

    public DbSet<WebhookDeliveryRecord> WebhookDeliveries => Set<WebhookDeliveryRecord>();

    public DbSet<WatermarkRecord> Watermarks => Set<WatermarkRecord>();

    public DbSet<WatermarkClaimRecord> WatermarkClaims => Set<WatermarkClaimRecord>();

    public DbSet<DepartmentRecord> Departments => Set<DepartmentRecord>();

    public DbSet<PositionRecord> Positions => Set<PositionRecord>();

    public DbSet<TaskGroupRecord> TaskGroups => Set<TaskGroupRecord>();

    public DbSet<TaskItemRecord> TaskItems => Set<TaskItemRecord>();

    public DbSet<TaskCandidateRecord> TaskCandidates => Set<TaskCandidateRecord>();

    public DbSet<TaskHistoryRecord> TaskHistory => Set<TaskHistoryRecord>();

    public DbSet<CarbonCopyRecord> TaskCopies => Set<CarbonCopyRecord>();

    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();

    public DbSet<DelegationRecord> Delegations => Set<DelegationRecord>();

    public DbSet<AttachmentRecord> Attachments => Set<AttachmentRecord>();

    public DbSet<DefinitionRecord> Definitions => Set<DefinitionRecord>();

    public DbSet<TriggerRecord> Triggers => Set<TriggerRecord>();

    public DbSet<InstanceRecord> Instances => Set<InstanceRecord>();

    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();

    public DbSet<JournalRecord> Journal => Set<JournalRecord>();

    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();

    public DbSet<InstanceVariableRecord> InstanceVariables => Set<InstanceVariableRecord>();

    public DbSet<InstanceCountRecord> InstanceCounts => Set<InstanceCountRecord>();

    public DbSet<BatchRecord> Batches => Set<BatchRecord>();

    public DbSet<BatchItemRecord> BatchItems => Set<BatchItemRecord>();

    public DbSet<AlertRuleRecord> AlertRules => Set<AlertRuleRecord>();

    public DbSet<AlertRecord> Alerts => Set<AlertRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FlowCenterDbContext).Assembly);

        // A filtered index on SQL Server wants a comparison, not a bit column alone ("Live" is a boolean elsewhere).
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer")
        {
            builder.Entity<InstanceVariableRecord>().HasIndex(v => new { v.Name, v.Text }, "IX_InstanceVariables_Live_Name_Text").HasFilter("[Live] = 1");
            builder.Entity<InstanceVariableRecord>().HasIndex(v => new { v.Name, v.Number }, "IX_InstanceVariables_Live_Name_Number").HasFilter("[Live] = 1");
        }
    }
}
