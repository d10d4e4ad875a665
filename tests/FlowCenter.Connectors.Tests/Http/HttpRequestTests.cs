using System.Text.Json.Nodes;
using FlowCenter.Connectors.Http;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.Hosting;
using FlowCenter.Engine.State;
using FlowCenter.Expressions;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCenter.Connectors.Tests.Http;

/// <summary>The HTTP request activity against a real HTTP peer on 127.0.0.1.</summary>
public sealed class HttpRequestTests : IDisposable
{
    private readonly OrderSystem _erp = new();
    private readonly ServiceProvider _services;
    private readonly InMemoryWorkflowHost _host;

    public HttpRequestTests()
    {
        _services = new ServiceCollection().AddFlowCenterConnectors().BuildServiceProvider();
        var registry = new ActivityRegistry([.. BuiltInActivities.Create(), .. _services.GetServices<IActivity>()]);
        var engine = new WorkflowEngine(registry, [new JintExpressionEvaluator(new JavaScriptOptions(), TimeProvider.System)], TimeProvider.System, new GuidIdGenerator());
        _host = new InMemoryWorkflowHost(engine);
    }

    public void Dispose()
    {
        _host.Dispose();
        _services.Dispose();
        _erp.Dispose();
    }

    [Fact]
    public async Task Post_500ThenSuccessOnRetry_CreatesOneOrderWithTheSameKeyOnEveryAttempt()
    {
        _erp.FailFirst = 2;
        var instance = await RunAsync("/orders", ("method", "POST"), ("body", new Js("({ customer: input.customer, qty: 5 })")), ("retries", 3), ("retryDelay", "PT0.05S"));

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Contains("created", instance.CompletedPath());
        Assert.Equal(3, _erp.Calls);
        Assert.Single(_erp.KeysSeen.Distinct());
        var order = Assert.Single(_erp.Orders.Values);
        Assert.Equal("C-9", order["request"]!["customer"]!.GetValue<string>());
        Assert.Equal(201, instance.Variables["response"]!["status"]!.GetValue<int>());
        Assert.Equal("SO-1", instance.Variables["response"]!["body"]!["orderNo"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_StillFailingAfterRetries_LeavesByServerError()
    {
        _erp.FailFirst = 10;
        var instance = await RunAsync("/orders", ("method", "POST"), ("body", new Js("({})")), ("retries", 2), ("retryDelay", "PT0.05S"));

        Assert.Contains("failed", instance.CompletedPath());
        Assert.Equal(3, _erp.Calls);
        Assert.Empty(_erp.Orders);
    }

    [Fact]
    public async Task Get_NotFound_LeavesByClientErrorWithoutRetrying()
    {
        var instance = await RunAsync("/nothing", ("retries", 3));

        Assert.Contains("rejected", instance.CompletedPath());
        Assert.Single(_erp.KeysSeen);
        Assert.Equal("no such thing", instance.Variables["response"]!["body"]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_SlowerThanTheTimeout_LeavesByTimeout()
    {
        var instance = await RunAsync("/slow", ("timeout", "PT0.3S"), ("retries", 0));

        Assert.Contains("late", instance.CompletedPath());
    }

    [Fact]
    public async Task Call_EndpointDown_FailsTheNodeNamingTheAddress()
    {
        _erp.Dispose();
        var instance = await RunAsync("/orders", ("retries", 1), ("retryDelay", "PT0.05S"));

        var incident = Assert.Single(instance.Incidents);
        Assert.Contains($"127.0.0.1:{_erp.Port}/orders", incident.Message, StringComparison.Ordinal);
    }

    private async Task<WorkflowInstance> RunAsync(string path, params (string Name, object? Value)[] inputs)
    {
        var id = "call-" + Guid.NewGuid().ToString("N")[..6];
        _host.Register(new WorkflowBuilder(id)
            .Variable("response")
            .Node("start", "Start")
            .Node("call", "HttpRequest", [("url", _erp.Url + path), ("resultVariable", "response"), .. inputs])
            .Node("created", "End").Node("rejected", "End").Node("failed", "End").Node("late", "End")
            .Connect("start", "call")
            .Connect("call", "created", HttpRequest.Success).Connect("call", "rejected", HttpRequest.ClientError)
            .Connect("call", "failed", HttpRequest.ServerError).Connect("call", "late", HttpRequest.Timeout)
            .Build());
        return await _host.StartAsync(id, new StartOptions { Input = new Dictionary<string, JsonNode?> { ["customer"] = "C-9" } });
    }
}
