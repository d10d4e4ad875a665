using System.Text.Json.Nodes;
using FlowCenter.Connectors.Http;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.State;
using FlowCenter.Connectors.Tests.TestSupport;

namespace FlowCenter.Connectors.Tests.Http;

/// <summary>The HTTP request activity against a real HTTP peer on 127.0.0.1.</summary>
public sealed class HttpRequestTests : IDisposable
{
    private readonly OrderSystem _erp = new();
    private readonly ConnectorHost _connector = new();


    public void Dispose()
    {
        _connector.Dispose();
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
    public async Task Get_NotFoundWithoutAClientErrorPath_IsAnIncidentNotAQuietEnd()
    {
        _connector.Host.Register(new WorkflowBuilder("only-success")
            .Node("start", "Start")
            .Node("call", "HttpRequest", ("url", _erp.Url + "/nothing"))
            .Node("done", "End")
            .Connect("start", "call").Connect("call", "done", HttpRequest.Success)
            .Build());

        var instance = await _connector.Host.StartAsync("only-success", new StartOptions());

        Assert.NotEqual(WorkflowStatus.Completed, instance.Status);
        Assert.Contains($"GET {_erp.Url}/nothing answered 404", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
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

    [Fact]
    public async Task Connection_RelativeUrlAndBearer_CallsTheBaseAddressWithTheTokenAndKeepsItOutOfTheInstance()
    {
        await _connector.Connections.SaveAsync(new("erp", FlowCenter.Runtime.Connections.ConnectionKind.Rest)
        {
            Settings = new JsonObject { ["baseUrl"] = _erp.Url, ["auth"] = "bearer" },
            Secrets = new Dictionary<string, string> { ["token"] = "very-secret" },
        });

        var instance = await RunAsync(null, ("connection", "erp"), ("url", "orders"), ("method", "POST"), ("body", new Js("({ qty: 1 })")));

        Assert.Contains("created", instance.CompletedPath());
        Assert.Equal("Bearer very-secret", Assert.Single(_erp.AuthorizationsSeen));
        Assert.DoesNotContain("very-secret", FlowCenter.Engine.Serialization.WorkflowJson.WriteInstance(instance), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_HostNotAllowed_IsRefusedBeforeAnyCall()
    {
        await _connector.Connections.SaveAsync(new("erp", FlowCenter.Runtime.Connections.ConnectionKind.Rest) { Settings = new JsonObject { ["baseUrl"] = "http://erp.example" } });

        var instance = await RunAsync(null, ("connection", "erp"), ("url", _erp.Url + "/orders"));

        Assert.Contains("does not allow calls to 127.0.0.1", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
        Assert.Empty(_erp.KeysSeen);
    }

    [Fact]
    public async Task Connection_OAuth2ClientCredentials_FetchesATokenOnceAndReusesIt()
    {
        await _connector.Connections.SaveAsync(new("erp", FlowCenter.Runtime.Connections.ConnectionKind.Rest)
        {
            Settings = new JsonObject { ["baseUrl"] = _erp.Url, ["auth"] = "oauth2", ["tokenUrl"] = _erp.Url + "/token", ["clientId"] = "flowcenter" },
            Secrets = new Dictionary<string, string> { ["clientSecret"] = "cs-1" },
        });

        await RunAsync(null, ("connection", "erp"), ("url", "/orders"), ("method", "POST"), ("body", new Js("({})")));
        await RunAsync(null, ("connection", "erp"), ("url", "/orders"), ("method", "POST"), ("body", new Js("({})")));

        Assert.Equal(1, _erp.TokenRequests);
        Assert.All(_erp.AuthorizationsSeen.Where(a => a.StartsWith("Bearer", StringComparison.Ordinal)), a => Assert.Equal("Bearer tok-1", a));
        Assert.Equal(2, _erp.Orders.Count);
    }

    private async Task<WorkflowInstance> RunAsync(string? path, params (string Name, object? Value)[] inputs)
    {
        var id = "call-" + Guid.NewGuid().ToString("N")[..6];
        _connector.Host.Register(new WorkflowBuilder(id)
            .Variable("response")
            .Node("start", "Start")
            .Node("call", "HttpRequest", [.. path is null ? [] : new (string, object?)[] { ("url", _erp.Url + path) }, ("resultVariable", "response"), .. inputs])
            .Node("created", "End").Node("rejected", "End").Node("failed", "End").Node("late", "End")
            .Connect("start", "call")
            .Connect("call", "created", HttpRequest.Success).Connect("call", "rejected", HttpRequest.ClientError)
            .Connect("call", "failed", HttpRequest.ServerError).Connect("call", "late", HttpRequest.Timeout)
            .Build());
        return await _connector.Host.StartAsync(id, new StartOptions { Input = new Dictionary<string, JsonNode?> { ["customer"] = "C-9" } });
    }
}
