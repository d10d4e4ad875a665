using FlowCenter.Persistence.Records;
using FlowCenter.Persistence.Stores;
using FlowCenter.Runtime.Organization;
using FlowCenter.Runtime.Tasks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Hosting;
using FlowCenter.Runtime.Instances;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlowCenter.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>The EF Core stores on the configured provider, with migrations applied at start-up.</summary>
    public static IServiceCollection AddFlowCenterPersistence(this IServiceCollection services, Action<PersistenceOptions>? configure = null)
    {
        services.AddOptions<PersistenceOptions>()
            .Configure(o => configure?.Invoke(o))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "PersistenceOptions: a connection string is required.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new FlowCenterDbContextFactory(sp.GetRequiredService<IOptions<PersistenceOptions>>().Value));
        services.TryAddSingleton<IDefinitionStore, EfDefinitionStore>();
        services.TryAddSingleton<IInstanceStore, EfInstanceStore>();
        services.TryAddSingleton<ITaskStore, EfTaskStore>();
        services.TryAddSingleton<Runtime.Batches.IBatchStore, EfBatchStore>();
        services.TryAddSingleton<Runtime.Alerts.IAlertStore, EfAlertStore>();
        services.TryAddSingleton<Runtime.Monitoring.IOperationsFigures, EfOperationsFigures>();
        services.TryAddSingleton<Runtime.Tokens.IAccessTokenStore, EfAccessTokenStore>();
        services.TryAddSingleton<Runtime.Audit.IAuditStore, EfAuditStore>();
        services.TryAddSingleton<EfDelegationStore>();
        services.TryAddSingleton<IDelegationStore>(sp => new Runtime.Audit.AuditedDelegationStore(sp.GetRequiredService<EfDelegationStore>(), sp.GetRequiredService<Runtime.Audit.AuditTrail>()));
        services.TryAddSingleton<IAttachmentStore, EfAttachmentStore>();
        services.AddDataProtection().SetApplicationName("FlowCenter").PersistKeysToDbContext<FlowCenterDbContext>();
        services.TryAddSingleton<Runtime.Connections.ISecretProtector, DataProtectionSecretProtector>();
        services.TryAddSingleton<EfConnectionStore>();
        // Changes to connections and to the organisation go to the audit log.
        services.TryAddSingleton<Runtime.Connections.IConnectionStore>(sp => new Runtime.Audit.AuditedConnectionStore(sp.GetRequiredService<EfConnectionStore>(), sp.GetRequiredService<Runtime.Audit.AuditTrail>()));
        services.TryAddSingleton<Runtime.Connections.IWebhookDeliveries, EfWebhookDeliveries>();
        services.TryAddSingleton<Runtime.Connections.IWatermarkStore, EfWatermarkStore>();
        services.TryAddSingleton<Runtime.Notifications.INotificationStore, EfNotificationStore>();
        services.TryAddSingleton<IPasswordHasher<FlowCenterUser>, PasswordHasher<FlowCenterUser>>();
        services.TryAddSingleton<EfDirectory>();
        services.TryAddSingleton<IDirectory>(sp => sp.GetRequiredService<EfDirectory>());
        services.TryAddSingleton<IOrganizationAdmin>(sp => new Runtime.Audit.AuditedOrganizationAdmin(sp.GetRequiredService<EfDirectory>(), sp.GetRequiredService<EfDirectory>(), sp.GetRequiredService<Runtime.Audit.AuditTrail>()));
        // Identity's stores take the context from the request's scope.
        services.TryAddScoped<FlowCenterDbContext>(sp => sp.GetRequiredService<FlowCenterDbContextFactory>().CreateDbContext());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupTask, MigrateDatabaseTask>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<SqliteStatistics>();
        return services;
    }
}
