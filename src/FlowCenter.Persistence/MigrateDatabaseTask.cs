using FlowCenter.Runtime.Hosting;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence;

/// <summary>Applies the provider's pending migrations, and fills new index columns of older rows, before anything else starts.</summary>
public sealed class MigrateDatabaseTask(FlowCenterDbContextFactory contexts) : IStartupTask
{
    public int Order => 0;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!contexts.Options.MigrateOnStartup)
        {
            return;
        }

        contexts.EnsureSqliteFolder();
        await using var db = contexts.CreateDbContext();
        await db.Database.MigrateAsync(cancellationToken);
        await InstanceIndexBackfill.RunAsync(contexts, cancellationToken);
    }
}
