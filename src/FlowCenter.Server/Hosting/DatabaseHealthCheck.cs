using FlowCenter.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FlowCenter.Server.Hosting;

/// <summary>Readiness: the database answers within a few seconds (<c>/health/ready</c>; <c>/health</c> only says the process is up).</summary>
public sealed class DatabaseHealthCheck(FlowCenterDbContextFactory contexts) : IHealthCheck
{
    public const string ReadyTag = "ready";

    private static readonly TimeSpan Within = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Within);
        try
        {
            await using var db = contexts.CreateDbContext();
            return await db.Database.CanConnectAsync(timeout.Token)
                ? HealthCheckResult.Healthy("The database answers.")
                : HealthCheckResult.Unhealthy("The database does not accept connections.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database did not answer within {Within.TotalSeconds:0} s.");
        }
    }
}
