using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowCenter.Runtime.Tasks;

/// <summary>Runs the task service's scheduled part (timeouts, reminders, resumes left over) every little while.</summary>
public sealed partial class TaskDuePoller(IServiceProvider services, IOptions<RuntimeOptions> options, TimeProvider clock, ILogger<TaskDuePoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TaskPollInterval, clock);
        do
        {
            try
            {
                await services.GetRequiredService<TaskService>().ProcessDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing due tasks failed; trying again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
