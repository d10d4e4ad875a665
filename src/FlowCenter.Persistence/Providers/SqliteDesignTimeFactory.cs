using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FlowCenter.Persistence.Providers;

// Used by `dotnet ef migrations add ... --context <Provider>FlowCenterDbContext`; the connection string is never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFlowCenterDbContext>
{
    public SqliteFlowCenterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFlowCenterDbContext>().UseSqlite("Data Source=design.db").Options);
}
