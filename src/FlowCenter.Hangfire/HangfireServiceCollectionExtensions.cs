using FlowCenter.Persistence;
using FlowCenter.Runtime;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Hosting;
using FlowCenter.Runtime.Scheduling;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlowCenter.Hangfire;

public static class HangfireServiceCollectionExtensions
{
    /// <summary>
    /// Timers, continuations and cron starts as Hangfire jobs. Hangfire keeps its own storage where FlowCenter's
    /// database is a server (PostgreSQL, SQL Server) and in memory beside SQLite; either way the FlowCenter
    /// database is the source of truth, and timers are re-armed from it at start-up.
    /// </summary>
    public static IServiceCollection AddFlowCenterHangfire(this IServiceCollection services, Action<FlowCenterHangfireOptions>? configure = null)
    {
        services.AddOptions<FlowCenterHangfireOptions>()
            .Configure(o => configure?.Invoke(o))
            .Validate(o => o.SchedulePollingInterval > TimeSpan.Zero && o.WorkerCount > 0, "Hangfire options: polling interval and worker count must be positive.")
            .ValidateOnStart();
        services.AddHangfire((sp, config) =>
        {
            var database = sp.GetRequiredService<IOptions<PersistenceOptions>>().Value;
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString), new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromMilliseconds(200) });
            }
            else if (database.Provider == DatabaseProvider.SqlServer)
            {
                config.UseSqlServerStorage(database.ConnectionString);
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });
        var options = new FlowCenterHangfireOptions();
        configure?.Invoke(options);
        if (options.RunServer)
        {
            services.AddHangfireServer((sp, server) =>
            {
                var o = sp.GetRequiredService<IOptions<FlowCenterHangfireOptions>>().Value;
                server.SchedulePollingInterval = o.SchedulePollingInterval;
                server.WorkerCount = o.WorkerCount;
                server.ServerName = o.ServerName ?? $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        services.AddTransient<FlowCenterJobs>();
        services.Replace(ServiceDescriptor.Singleton<ITimerScheduler, HangfireTimerScheduler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IContinuationDispatcher, HangfireContinuationDispatcher>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupTask, AlertSchedule>());
        services.TryAddSingleton<CronScheduleSync>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupTask, CronScheduleSync>(sp => sp.GetRequiredService<CronScheduleSync>()));
        services.TryAddEnumerable(ServiceDescriptor.Transient<IDefinitionChangeHandler, CronScheduleSync>(sp => sp.GetRequiredService<CronScheduleSync>()));

        // The database poller stays as a safety net behind Hangfire: every 2 s it fires the timers Hangfire is
        // late with by more than a few of its polls (jobs lost with a crashed database or node), so that after an
        // outage they fire within seconds, not at Hangfire's next retry or when a fetched job's lease runs out.
        services.PostConfigure<RuntimeOptions>(o =>
        {
            o.TimerPollInterval = TimeSpan.FromSeconds(2);
            o.TimerLateness = TimeSpan.FromSeconds(5) + (3 * options.SchedulePollingInterval);
        });
        return services;
    }
}
