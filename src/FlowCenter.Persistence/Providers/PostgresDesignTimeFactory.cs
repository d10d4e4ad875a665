using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FlowCenter.Persistence.Providers;

// Used by `dotnet ef migrations add ... --context <Provider>FlowCenterDbContext`; the connection string is never opened.
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFlowCenterDbContext>
{
    public PostgresFlowCenterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFlowCenterDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
