using FlowCenter.Engine.State;
using FlowCenter.Persistence;
using FlowCenter.Persistence.Records;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Runtime.Tests.Persistence;

/// <summary>
/// A partial index is used only by a query whose condition names its filter: the live statuses as the queries
/// write them must come out as the live indexes' filter, on every provider.
/// </summary>
public sealed class LiveIndexTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=none")]
    [InlineData(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=none")]
    public void TheLiveStatusesAsQueriesWriteThem_AreTheLiveIndexesFilter(DatabaseProvider provider, string connection)
    {
        using var db = new FlowCenterDbContextFactory(new PersistenceOptions { Provider = provider, ConnectionString = connection }).CreateDbContext();
        const int Running = (int)WorkflowStatus.Running, Waiting = (int)WorkflowStatus.Waiting, Suspended = (int)WorkflowStatus.Suspended;
        var sql = db.Instances.Where(i => i.Status == Running || i.Status == Waiting || i.Status == Suspended).ToQueryString();
        var filter = db.Model.FindEntityType(typeof(InstanceRecord))!.GetIndexes().Single(i => i.GetDatabaseName() == "IX_Instances_Live_CreatedAt").GetFilter()!;

        var named = filter.Replace("\"Status\"", "", StringComparison.Ordinal);
        Assert.Contains(named, sql, StringComparison.Ordinal);
        Assert.Equal(" IN (0, 1, 2)", named);
    }
}
