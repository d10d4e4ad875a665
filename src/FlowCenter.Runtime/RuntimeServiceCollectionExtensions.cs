using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Expressions;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Hosting;
using FlowCenter.Runtime.Scheduling;
using FlowCenter.Runtime.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FlowCenter.Runtime;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// The durable runtime: engine, definition versioning, instance operations, timers from the database,
    /// start-up loading and recovery. Stores come from a persistence package; expression evaluators from theirs.
    /// </summary>
    public static IServiceCollection AddFlowCenterRuntime(this IServiceCollection services, Action<RuntimeOptions>? configure = null)
    {
        services.AddOptions<RuntimeOptions>()
            .Configure(o => configure?.Invoke(o))
            .Validate(o => (o.TimerPollInterval is null || o.TimerPollInterval > TimeSpan.Zero) && (o.TimerLateness is null || o.TimerLateness >= TimeSpan.Zero) && o.TimerBatchSize > 0 && o.MaxConflictRetries > 0, "RuntimeOptions: poll interval, batch size and retries must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdGenerator, GuidIdGenerator>();
        // The built-in activities and those others register (connectors) as IActivity services.
        services.TryAddSingleton(sp => new ActivityRegistry([.. BuiltInActivities.Create(), .. sp.GetServices<IActivity>()]));
        services.TryAddSingleton(sp => new WorkflowEngine(
            sp.GetRequiredService<ActivityRegistry>(),
            sp.GetServices<IExpressionEvaluator>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IIdGenerator>())
        {
            WorkerName = sp.GetRequiredService<IOptions<RuntimeOptions>>().Value.WorkerName ?? $"{Environment.MachineName}:{Environment.ProcessId}",
        });
        services.TryAddSingleton<WorkflowCache>();
        services.TryAddSingleton<DefinitionService>();
        services.TryAddSingleton<DefinitionImports>();
        services.TryAddSingleton<WorkflowFolderLoader>();
        services.TryAddSingleton<IInstanceLock, LocalInstanceLock>();
        services.TryAddSingleton<IWorkflowRuntime, WorkflowRuntime>();
        // Start-up tasks (migrations, definitions, recovery) finish before any other hosted service starts (hosted
        // services start in the order they were added): the timer poller, Hangfire, the data-protection key ring.
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(StartupTaskRunner)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StartupTaskRunner>());
        }
        services.TryAddSingleton(TimerPollerDefaults.Alone);
        services.TryAddSingleton<DueTimerPoller>();
        services.TryAddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<DueTimerPoller>());
        services.AddHostedService(sp => sp.GetRequiredService<DueTimerPoller>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupTask, LoadWorkflowsFolderTask>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupTask, RecoveryTask>());
        services.TryAddSingleton<ContinuationRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<ContinuationRecovery>());
        services.TryAddSingleton<Cases.CaseAccess>();
        services.TryAddSingleton<Cases.CaseReader>();
        services.TryAddSingleton<Cases.InstanceOperations>();
        services.TryAddSingleton<Alerts.AlertEvaluator>();
        services.TryAddSingleton<Alerts.AlertService>();
        services.TryAddSingleton<Monitoring.MonitorService>();
        services.TryAddSingleton<Batches.BatchSignal>();
        services.TryAddSingleton<Batches.InstanceBatches>();
        services.TryAddSingleton<Batches.BatchRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<Batches.BatchRunner>());
        services.TryAddSingleton<Requests.RequestService>();
        services.AddOptions<Tokens.AccessTokenOptions>();
        services.TryAddSingleton<Tokens.AccessTokenService>();
        services.AddOptions<Audit.AuditOptions>();
        services.TryAddSingleton<Audit.AmbientAuditContext>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Audit.IAuditContext, Audit.AmbientAuditContext>(sp => sp.GetRequiredService<Audit.AmbientAuditContext>()));
        services.TryAddSingleton<Audit.AuditTrail>();
        services.AddHostedService<Audit.AuditRetention>();
        services.AddHostedService<Instances.InstanceCountFolder>();
        services.TryAddSingleton<AssignmentResolver>();
        services.TryAddSingleton<TaskService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommitObserver, TaskCommitObserver>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupTask, TaskRecoveryTask>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<ICommitCatchUp, TaskRecoveryTask>());
        services.AddHostedService<TaskDuePoller>();
        services.TryAddSingleton<Notifications.NotificationSignal>();
        services.TryAddSingleton<Notifications.NotificationInbox>();
        services.TryAddSingleton<Organization.OutOfOffice>();
        services.TryAddSingleton<Connections.ConnectionRegistry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITaskNotifier, Notifications.InAppNotifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommitObserver, Notifications.IncidentNotifier>());
        return services;
    }
}
