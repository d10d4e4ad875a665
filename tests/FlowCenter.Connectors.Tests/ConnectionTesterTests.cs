using System.Text.Json.Nodes;
using FlowCenter.Connectors.Testing;
using FlowCenter.Runtime.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCenter.Connectors.Tests;

/// <summary>The test button of SMTP and SOAP connections against real peers: success, and the exact failure.</summary>
public sealed class ConnectionTesterTests
{
    [Fact]
    public async Task Smtp_ListenerAnswers_ClosedPortIsNamed()
    {
        await using var smtp = new SmtpListener();
        var tester = new SmtpConnectionTester();
        var good = new Connection("mail", ConnectionKind.Smtp) { Settings = new JsonObject { ["host"] = "127.0.0.1", ["port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["security"] = "None" } };

        var answered = await tester.TestAsync(good);
        var refused = await tester.TestAsync(good with { Settings = new JsonObject { ["host"] = "127.0.0.1", ["port"] = "1", ["security"] = "None" } });

        Assert.True(answered.Succeeded, answered.Message);
        Assert.Equal($"127.0.0.1:{smtp.Port} answered.", answered.Message);
        Assert.False(refused.Succeeded);
        Assert.StartsWith("127.0.0.1:1: ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Soap_SimulatedFinanceAnswers_ServiceDownIsNamed()
    {
        await using var systems = await Simulators.StartAsync();
        await using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var tester = new SoapConnectionTester(services.GetRequiredService<IHttpClientFactory>());
        var good = new Connection("pay", ConnectionKind.Soap) { Settings = new JsonObject { ["endpoint"] = systems.Url + "/soap/finance" } };

        var answered = await tester.TestAsync(good);
        var down = await tester.TestAsync(good with { Settings = new JsonObject { ["endpoint"] = "http://127.0.0.1:1/soap/finance" } });

        Assert.True(answered.Succeeded, answered.Message);
        Assert.Contains("/soap/finance answered", answered.Message, StringComparison.Ordinal);
        Assert.False(down.Succeeded);
        Assert.Contains("127.0.0.1:1", down.Message, StringComparison.Ordinal);
    }
}
