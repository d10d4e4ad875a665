using FlowCenter.Runtime.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlowCenter.Runtime.Scheduling;

/// <summary>
/// Fires due timers from the database: it asks for due bookmarks every poll interval, and earlier when a
/// timer is scheduled to fall due before the next poll. Firing is a resume, so a timer fires once even when
/// several pollers on several nodes see it. Behind another scheduler it fires only timers later than
/// its lateness (<see cref="RuntimeOptions.TimerLateness"/>): those whose jobs were lost (with a crashed database or node).
/// </summary>
public sealed partial class DueTimerPoller(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<RuntimeOptions> options,
    TimerPollerDefaults defaults,
    ILogger<DueTimerPoller> logger) : BackgroundService, ITimerScheduler
{
    private TimeSpan PollInterval => options.Value.TimerPollInterval ?? defaults.PollInterval;

    private TimeSpan Lateness => options.Value.TimerLateness ?? defaults.Lateness;

    private readonly Lock _gate = new();
    private DateTimeOffset _wakeAt = DateTimeOffset.MaxValue;
    private CancellationTokenSource _sleep = new();

    public void Schedule(string instanceId, string bookmarkId, DateTimeOffset dueAt)
    {
        lock (_gate)
        {
            if (dueAt < _wakeAt)
            {
                _wakeAt = dueAt;
                _sleep.Cancel();
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FireDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(logger, ex);
            }

            await SleepAsync(stoppingToken);
        }
    }

    /// <summary>Fires every timer due now; returns how many were resumed here.</summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var fired = 0;
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<Instances.IInstanceStore>();
        var runtime = scope.ServiceProvider.GetRequiredService<IWorkflowRuntime>();
        while (true)
        {
            var due = await store.FindDueBookmarksAsync(clock.GetUtcNow() - Lateness, options.Value.TimerBatchSize, cancellationToken);
            foreach (var bookmark in due)
            {
                try
                {
                    if (await runtime.FireTimerAsync(bookmark.InstanceId, bookmark.BookmarkId, cancellationToken) == ResumeOutcome.Resumed)
                    {
                        fired++;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFireFailed(logger, bookmark.InstanceId, bookmark.BookmarkId, ex);
                }
            }

            if (due.Count < options.Value.TimerBatchSize)
            {
                return fired;
            }
        }
    }

    private async Task SleepAsync(CancellationToken stoppingToken)
    {
        CancellationTokenSource sleep;
        TimeSpan delay;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var next = now + PollInterval;
            delay = (_wakeAt < next ? _wakeAt : next) - now;
            _wakeAt = DateTimeOffset.MaxValue;
            if (_sleep.IsCancellationRequested)
            {
                _sleep.Dispose();
                _sleep = new CancellationTokenSource();
            }

            sleep = _sleep;
        }

        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, sleep.Token);
        try
        {
            await Task.Delay(delay, clock, linked.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Woken early by a timer scheduled before the next poll.
        }
    }

    public override void Dispose()
    {
        _sleep.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling for due timers failed")]
    private static partial void LogPollFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {BookmarkId} of instance {InstanceId} could not be fired")]
    private static partial void LogFireFailed(ILogger logger, string instanceId, string bookmarkId, Exception error);
}
