using System.Text.Json.Serialization;
using FlowCenter.Connectors;
using FlowCenter.Expressions;
using FlowCenter.Hangfire;
using FlowCenter.Persistence;
using FlowCenter.Runtime;
using FlowCenter.Studio;
using Microsoft.Data.Sqlite;

namespace FlowCenter.Server.Hosting;

public static class FlowCenterServerExtensions
{
    /// <summary>
    /// Everything a FlowCenter node runs, from the "FlowCenter" configuration section: database (SQLite by
    /// default), runtime, JavaScript sandbox and Hangfire. Relative paths are taken from the content root.
    /// </summary>
    public static WebApplicationBuilder AddFlowCenter(this WebApplicationBuilder builder)
    {
        // Serve the static files of MudBlazor and the Studio from the build output in every environment, not only
        // Development; a published server has them in wwwroot and this does nothing there.
        builder.WebHost.UseStaticWebAssets();
        // Bodies are limited while they are read (chunked ones too); endpoints that take less lower it further.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = Api.RequestBodies.MaxApiBytes);
        // An unhandled exception answers a problem document without internals (UseExceptionHandler in Program).
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        var section = builder.Configuration.GetSection("FlowCenter");
        var root = builder.Environment.ContentRootPath;
        builder.Services
            .AddJavaScriptExpressions(o => section.GetSection("JavaScript").Bind(o))
            .AddFlowCenterPersistence(o =>
            {
                section.GetSection("Database").Bind(o);
                o.ConnectionString = AnchorSqlitePath(o, root);
            })
            .AddFlowCenterRuntime(o =>
            {
                section.GetSection("Runtime").Bind(o);
                if (o.WorkflowsFolder is { Length: > 0 } folder)
                {
                    o.WorkflowsFolder = Path.GetFullPath(folder, root);
                }
            })
            .AddFlowCenterHangfire(HangfireStorage.Choose, o => section.GetSection("Hangfire").Bind(o))
            .AddFlowCenterConnectors()
            .AddFlowCenterMessageTriggers();
        builder.Services.Configure<DemoOptions>(section.GetSection("Demo"));
        builder.Services.AddTransient<FlowCenter.Runtime.Hosting.IStartupTask, DemoConnections>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [DatabaseHealthCheck.ReadyTag]);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddFlowCenterStudio();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        if (section.GetValue<int?>("ParentProcessId") is { } parent)
        {
            builder.Services.AddHostedService(sp => new ParentProcessWatchdog(parent, sp.GetRequiredService<IHostApplicationLifetime>()));
        }

        return builder;
    }

    private static string AnchorSqlitePath(PersistenceOptions options, string root)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return options.ConnectionString;
        }

        var sqlite = new SqliteConnectionStringBuilder(options.ConnectionString);
        if (sqlite.DataSource is { Length: > 0 } file && file != ":memory:" && !Path.IsPathRooted(file))
        {
            sqlite.DataSource = Path.GetFullPath(file, root);
        }

        return sqlite.ConnectionString;
    }
}
