using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FlowCenter.Persistence.Providers;

// Used by `dotnet ef migrations add ... --context <Provider>FlowCenterDbContext`; the connection string is never opened.
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerFlowCenterDbContext>
{
    public SqlServerFlowCenterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerFlowCenterDbContext>().UseSqlServer("Server=localhost;Database=design").Options);
}
