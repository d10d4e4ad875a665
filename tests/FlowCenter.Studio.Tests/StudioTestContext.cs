using System.Globalization;
using FlowCenter.Expressions;
using FlowCenter.Persistence;
using FlowCenter.Runtime;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCenter.Studio.Tests;

/// <summary>bUnit with the Studio's real services on a SQLite file: definitions are stored and read for real.</summary>
public abstract class StudioTestContext : BunitContext, IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"fc-studio-{Guid.NewGuid():N}.db");

    protected StudioTestContext(string culture = "en-US")
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLogging();
        Services.AddFlowCenterStudio();
        Services.AddJavaScriptExpressions();
        Services.AddFlowCenterPersistence(o => o.ConnectionString = $"Data Source={_file};Pooling=False");
        Services.AddFlowCenterRuntime();
    }

    protected DefinitionService Definitions => Services.GetRequiredService<DefinitionService>();

    public async Task InitializeAsync()
    {
        foreach (var task in Services.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(CancellationToken.None);
        }
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }
}
