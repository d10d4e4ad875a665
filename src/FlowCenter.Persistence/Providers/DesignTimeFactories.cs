using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FlowCenter.Persistence.Providers;

// Used by `dotnet ef migrations add ... --context <Provider>FlowCenterDbContext`; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFlowCenterDbContext>
{
    public SqliteFlowCenterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFlowCenterDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFlowCenterDbContext>
{
    public PostgresFlowCenterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFlowCenterDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerFlowCenterDbContext>
{
    public SqlServerFlowCenterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerFlowCenterDbContext>().UseSqlServer("Server=localhost;Database=design").Options);
}
