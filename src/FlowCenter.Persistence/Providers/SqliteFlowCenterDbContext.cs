using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FlowCenter.Persistence.Providers;

/// <summary>SQLite: times are stored as sortable integers, since SQLite cannot compare or order DateTimeOffset text.</summary>
public sealed class SqliteFlowCenterDbContext(DbContextOptions<SqliteFlowCenterDbContext> options) : FlowCenterDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
