using FlowCenter.Expressions;
using FlowCenter.Persistence;
using FlowCenter.Runtime;
using FlowCenter.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCenter.Benchmarks;

/// <summary>The durable runtime in the benchmark's process, on a database, started as a node starts (migrations, start-up tasks).</summary>
internal static class BenchmarkRuntime
{
    public static async Task<ServiceProvider> StartAsync(PersistenceOptions database)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddJavaScriptExpressions()
            .AddFlowCenterPersistence(o =>
            {
                o.Provider = database.Provider;
                o.ConnectionString = database.ConnectionString;
            })
            .AddFlowCenterRuntime()
            .BuildServiceProvider();
        foreach (var task in services.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(CancellationToken.None);
        }

        return services;
    }
}
