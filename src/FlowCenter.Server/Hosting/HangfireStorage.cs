using FlowCenter.Persistence;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;

namespace FlowCenter.Server.Hosting;

/// <summary>
/// Where Hangfire keeps its jobs, chosen with FlowCenter's database: in that server where it is one (PostgreSQL,
/// SQL Server), so that every node shares the queue; in memory beside SQLite (one node; Hangfire has no SQLite
/// storage here), where the timers are re-armed from FlowCenter's database at start-up.
/// </summary>
public static class HangfireStorage
{
    public static void Choose(IServiceProvider services, IGlobalConfiguration config)
    {
        var database = services.GetRequiredService<IOptions<PersistenceOptions>>().Value;
        switch (database.Provider)
        {
            case DatabaseProvider.PostgreSql:
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString), new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromMilliseconds(200) });
                break;
            case DatabaseProvider.SqlServer:
                config.UseSqlServerStorage(database.ConnectionString);
                break;
            default:
                config.UseInMemoryStorage();
                break;
        }
    }
}
