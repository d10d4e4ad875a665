using FlowCenter.Connectors.Tests.Http;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Hosting;
using FlowCenter.Expressions;
using FlowCenter.Runtime.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCenter.Connectors.Tests.TestSupport;

/// <summary>An in-memory engine with the built-in and connector activities, reading connections from a test registry.</summary>
internal sealed class ConnectorHost : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly WorkflowEngine _engine;

    public ConnectorHost()
        : this(new ConnectionStoreForTests(), new WatermarkStoreForTests())
    {
    }

    /// <summary>Another process on the same stores (a restart, say).</summary>
    public ConnectorHost(ConnectionStoreForTests connections, WatermarkStoreForTests watermarks)
    {
        Connections = connections;
        Watermarks = watermarks;
        _services = new ServiceCollection().AddSingleton<IConnectionStore>(Connections).AddSingleton<IWatermarkStore>(Watermarks).AddFlowCenterConnectors().BuildServiceProvider();
        var registry = new ActivityRegistry([.. BuiltInActivities.Create(), .. _services.GetServices<IActivity>()]);
        _engine = new WorkflowEngine(registry, [new JintExpressionEvaluator(new JavaScriptOptions(), TimeProvider.System)], TimeProvider.System, new GuidIdGenerator());
        Host = new InMemoryWorkflowHost(_engine);
    }

    public ConnectionStoreForTests Connections { get; }

    public WatermarkStoreForTests Watermarks { get; }

    public InMemoryWorkflowHost Host { get; }

    public IReadOnlyList<FlowCenter.Engine.Validation.ValidationProblem> Validate(FlowCenter.Engine.Definitions.WorkflowDefinition definition) => _engine.Validator.Validate(definition);

    public void Dispose()
    {
        Host.Dispose();
        _services.Dispose();
    }
}
