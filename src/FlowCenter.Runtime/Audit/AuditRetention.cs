using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowCenter.Runtime.Audit;

/// <summary>Removes audit entries older than the retention, every few hours; nothing else removes any.</summary>
public sealed partial class AuditRetention(IAuditStore store, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepEvery, clock);
        do
        {
            try
            {
                var removed = await store.RemoveOlderThanAsync(clock.GetUtcNow() - options.Value.Retention, stoppingToken);
                if (removed > 0)
                {
                    LogRemoved(logger, removed, options.Value.Retention.TotalDays);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit log: {Count} entries older than {Days} days removed")]
    private static partial void LogRemoved(ILogger logger, int count, double days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit log retention sweep failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
