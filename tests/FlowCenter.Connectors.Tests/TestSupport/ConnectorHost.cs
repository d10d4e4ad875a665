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

    public ConnectorHost()
    {
        _services = new ServiceCollection().AddSingleton<IConnectionStore>(Connections).AddSingleton<IWatermarkStore>(Watermarks).AddFlowCenterConnectors().BuildServiceProvider();
        var registry = new ActivityRegistry([.. BuiltInActivities.Create(), .. _services.GetServices<IActivity>()]);
        Host = new InMemoryWorkflowHost(new WorkflowEngine(registry, [new JintExpressionEvaluator(new JavaScriptOptions(), TimeProvider.System)], TimeProvider.System, new GuidIdGenerator()));
    }

    public ConnectionStoreForTests Connections { get; } = new();

    public WatermarkStoreForTests Watermarks { get; } = new();

    public InMemoryWorkflowHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        _services.Dispose();
    }
}
