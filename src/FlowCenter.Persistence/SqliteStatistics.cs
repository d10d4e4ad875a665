using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowCenter.Persistence;

/// <summary>
/// Keeps SQLite's planner statistics current, as SQLite advises (<c>PRAGMA optimize</c>, bounded by an analysis
/// limit): at start and every few hours. Without them the planner guesses; with them the lists and the operators'
/// figures take the indexes this schema has for them. PostgreSQL and SQL Server gather their own.
/// </summary>
public sealed partial class SqliteStatistics(FlowCenterDbContextFactory contexts, IOptions<PersistenceOptions> options, TimeProvider clock, ILogger<SqliteStatistics> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                await using var db = contexts.CreateDbContext();
                // 0x10002: every table, not only those this connection used; the limit keeps it to a moment.
                await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing SQLite's planner statistics failed; it is tried again later")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
