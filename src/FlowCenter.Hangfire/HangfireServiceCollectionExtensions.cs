using FlowCenter.Engine.Json;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Hosting;
using FlowCenter.Runtime.Scheduling;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlowCenter.Hangfire;

public static class HangfireServiceCollectionExtensions
{
    /// <summary>
    /// Timers, continuations and cron starts as Hangfire jobs, kept in the storage <paramref name="storage"/> chooses
    /// (the host's composition knows the database; this module does not). Either way the FlowCenter database is the
    /// source of truth, and timers are re-armed from it at start-up. <paramref name="configure"/> runs once.
    /// </summary>
    public static IServiceCollection AddFlowCenterHangfire(this IServiceCollection services, Action<IServiceProvider, IGlobalConfiguration> storage, Action<FlowCenterHangfireOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var options = new FlowCenterHangfireOptions();
        configure?.Invoke(options);
        List<string> problems = [];
        if (options.SchedulePollingInterval <= TimeSpan.Zero || options.WorkerCount <= 0)
        {
            problems.Add($"Hangfire: SchedulePollingInterval ({options.SchedulePollingInterval}) and WorkerCount ({options.WorkerCount}) must be positive.");
        }

        if (CronSyntax.Check(options.AlertSchedule) is { } cron)
        {
            problems.Add($"Hangfire: AlertSchedule: {cron}.");
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(FlowCenterHangfireOptions), typeof(FlowCenterHangfireOptions), problems);
        }

        services.AddSingleton(Options.Create(options));
        services.AddHangfire((sp, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            storage(sp, config);
        });
        if (options.RunServer)
        {
            services.AddHangfireServer(server =>
            {
                server.SchedulePollingInterval = options.SchedulePollingInterval;
                server.WorkerCount = options.WorkerCount;
                server.ServerName = options.ServerName ?? $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        services.AddTransient<FlowCenterJobs>();
        services.Replace(ServiceDescriptor.Singleton<ITimerScheduler, HangfireTimerScheduler>());
        // The database poller stays as a safety net behind Hangfire: by default every 2 s it fires the timers
        // Hangfire is late with by more than a few of its polls (jobs lost with a crashed database or node), so that
        // after an outage they fire within seconds, not at Hangfire's next retry or when a fetched job's lease runs
        // out. These are defaults: the operator's Runtime:TimerPollInterval and Runtime:TimerLateness stand.
        services.Replace(ServiceDescriptor.Singleton(new TimerPollerDefaults(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5) + (3 * options.SchedulePollingInterval))));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IContinuationDispatcher, HangfireContinuationDispatcher>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupTask, AlertSchedule>());
        services.TryAddSingleton<CronScheduleSync>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupTask, CronScheduleSync>(sp => sp.GetRequiredService<CronScheduleSync>()));
        services.TryAddEnumerable(ServiceDescriptor.Transient<IDefinitionChangeHandler, CronScheduleSync>(sp => sp.GetRequiredService<CronScheduleSync>()));
        return services;
    }
}
