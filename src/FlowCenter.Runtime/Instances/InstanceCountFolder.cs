using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowCenter.Runtime.Instances;

/// <summary>
/// Keeps the instance totals a sum over a few rows: every start and change of status adds a row, and this folds
/// them, on every node (a fold that another node did first is given up).
/// </summary>
public sealed partial class InstanceCountFolder(IInstanceStore store, IOptions<RuntimeOptions> options, TimeProvider clock, ILogger<InstanceCountFolder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CountFoldInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // A busy minute can leave more rows than one fold reads: go on while a fold takes some away.
                var passes = 0;
                while (await store.FoldCountsAsync(stoppingToken) > 0 && ++passes < 20)
                {
                    stoppingToken.ThrowIfCancellationRequested();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Folding the instance totals failed; they stay exact, and are folded at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
