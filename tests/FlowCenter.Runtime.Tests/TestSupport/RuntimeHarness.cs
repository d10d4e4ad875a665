using FlowCenter.Connectors;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Execution;
using FlowCenter.Expressions;
using FlowCenter.Persistence;
using FlowCenter.Runtime.Definitions;
using FlowCenter.Runtime.Execution;
using FlowCenter.Runtime.Hosting;
using FlowCenter.Runtime.Instances;
using FlowCenter.Runtime.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace FlowCenter.Runtime.Tests.TestSupport;

/// <summary>
/// The durable runtime on a real database and a fake clock, composed as a host composes it; start-up tasks
/// run, the timer poller is driven by the test instead of its background loop.
/// </summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private readonly bool _ownsDatabase;

    private RuntimeHarness(TestDatabase database, ServiceProvider services, bool ownsDatabase)
    {
        Database = database;
        _services = services;
        _ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }

    public IServiceProvider Services => _services;

    public FakeTimeProvider Clock => (FakeTimeProvider)_services.GetRequiredService<TimeProvider>();

    public IWorkflowRuntime Runtime => _services.GetRequiredService<IWorkflowRuntime>();

    public DefinitionService Definitions => _services.GetRequiredService<DefinitionService>();

    public IDefinitionStore DefinitionStore => _services.GetRequiredService<IDefinitionStore>();

    public IInstanceStore Instances => _services.GetRequiredService<IInstanceStore>();

    public DueTimerPoller Timers => _services.GetRequiredService<DueTimerPoller>();

    public Runtime.Tasks.TaskService Tasks => _services.GetRequiredService<Runtime.Tasks.TaskService>();

    /// <summary>A case's data for a caller, through the rights rule.</summary>
    public Runtime.Cases.CaseReader Cases => _services.GetRequiredService<Runtime.Cases.CaseReader>();

    /// <summary>An operator, who sees every case.</summary>
    public static FlowCenter.Runtime.Cases.Caller Operator { get; } = new FlowCenter.Runtime.Cases.Caller("operator", [FlowCenter.Runtime.Organization.Roles.Operator]);

    public Runtime.Organization.IDelegationStore Delegations => _services.GetRequiredService<Runtime.Organization.IDelegationStore>();

    public Runtime.Connections.IConnectionStore Connections => _services.GetRequiredService<Runtime.Connections.IConnectionStore>();

    public Runtime.Connections.IWatermarkStore Watermarks => _services.GetRequiredService<Runtime.Connections.IWatermarkStore>();

    public Runtime.Tasks.ITaskStore TaskStore => _services.GetRequiredService<Runtime.Tasks.ITaskStore>();

    public Runtime.Organization.IOrganizationAdmin Organization => _services.GetRequiredService<Runtime.Organization.IOrganizationAdmin>();

    public static async Task<RuntimeHarness> CreateAsync(DatabaseProvider provider, string? workflowsFolder = null) =>
        await StartAsync(await TestDatabase.CreateAsync(provider), workflowsFolder, Epoch);

    /// <summary>A harness with services of the test's own added last (they win where the runtime takes the last one).</summary>
    public static async Task<RuntimeHarness> CreateAsync(DatabaseProvider provider, Action<IServiceCollection> configure) =>
        await StartAsync(await TestDatabase.CreateAsync(provider), null, Epoch, configure: configure);

    /// <summary>A second process on the same database, or the same one after a restart.</summary>
    public Task<RuntimeHarness> StartAnotherAsync() => StartAsync(Database, null, Clock.GetUtcNow(), ownsDatabase: false);

    private static async Task<RuntimeHarness> StartAsync(TestDatabase database, string? workflowsFolder, DateTimeOffset now, bool ownsDatabase = true, Action<IServiceCollection>? configure = null)
    {
        var collection = new ServiceCollection();
        collection
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(now))
            .AddSingleton<IIdGenerator>(new SequentialIdGenerator(Guid.NewGuid().ToString("N")[..8]))
            .AddJavaScriptExpressions()
            .AddFlowCenterPersistence(o =>
            {
                o.Provider = database.Options.Provider;
                o.ConnectionString = database.Options.ConnectionString;
            })
            .AddFlowCenterRuntime(o => o.WorkflowsFolder = workflowsFolder)
            .AddFlowCenterConnectors();
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        foreach (var hosted in services.GetServices<IHostedService>().OfType<StartupTaskRunner>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new RuntimeHarness(database, services, ownsDatabase);
    }

    /// <summary>Imports and publishes a definition.</summary>
    public async Task<StoredDefinition> PublishAsync(WorkflowDefinition definition) =>
        (await Definitions.ImportAsync(definition)).Definition;

    /// <summary>Moves the clock and fires what fell due, as the poller would.</summary>
    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return await Timers.FireDueAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
