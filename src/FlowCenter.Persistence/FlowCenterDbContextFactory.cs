using FlowCenter.Persistence.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence;

/// <summary>Creates a context of the configured provider, one per operation.</summary>
public sealed class FlowCenterDbContextFactory
{
    private readonly Func<FlowCenterDbContext> _create;

    public FlowCenterDbContextFactory(PersistenceOptions options)
    {
        Options = options;
        _create = options.Provider switch
        {
            DatabaseProvider.Sqlite => Build<SqliteFlowCenterDbContext>(b => b.UseSqlite(options.ConnectionString).AddInterceptors(new SqlitePragmas()), o => new SqliteFlowCenterDbContext(o)),
            DatabaseProvider.PostgreSql => Build<PostgresFlowCenterDbContext>(b => b.UseNpgsql(options.ConnectionString), o => new PostgresFlowCenterDbContext(o)),
            DatabaseProvider.SqlServer => Build<SqlServerFlowCenterDbContext>(b => b.UseSqlServer(options.ConnectionString), o => new SqlServerFlowCenterDbContext(o)),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider."),
        };
    }

    public PersistenceOptions Options { get; }

    public FlowCenterDbContext CreateDbContext() => _create();

    /// <summary>Creates the folder of a SQLite database file, which SQLite will not do itself.</summary>
    public void EnsureSqliteFolder()
    {
        if (Options.Provider == DatabaseProvider.Sqlite
            && new SqliteConnectionStringBuilder(Options.ConnectionString).DataSource is { Length: > 0 } file
            && file != ":memory:"
            && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static Func<FlowCenterDbContext> Build<T>(Action<DbContextOptionsBuilder<T>> configure, Func<DbContextOptions<T>, T> create)
        where T : FlowCenterDbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        configure(builder);
        var options = builder.Options;
        return () => create(options);
    }
}
