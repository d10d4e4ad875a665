using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Providers;

public sealed class PostgresFlowCenterDbContext(DbContextOptions<PostgresFlowCenterDbContext> options) : FlowCenterDbContext(options);
