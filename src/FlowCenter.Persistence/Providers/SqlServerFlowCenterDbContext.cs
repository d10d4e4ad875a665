using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Persistence.Providers;

public sealed class SqlServerFlowCenterDbContext(DbContextOptions<SqlServerFlowCenterDbContext> options) : FlowCenterDbContext(options);
