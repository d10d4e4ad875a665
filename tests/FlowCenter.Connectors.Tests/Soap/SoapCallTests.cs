using System.Text.Json.Nodes;
using FlowCenter.Connectors.Soap;
using FlowCenter.Connectors.Tests.TestSupport;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.State;
using FlowCenter.Runtime.Connections;

namespace FlowCenter.Connectors.Tests.Soap;

/// <summary>The SOAP call against the finance system's payment service in the simulators.</summary>
public sealed class SoapCallTests : IAsyncLifetime, IDisposable
{
    private const string Envelope = """
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:fin="urn:flowcenter:finance">
          <soap:Body>
            <fin:CreatePaymentRequest>
              <fin:InvoiceNo>{{ input.invoiceNo }}</fin:InvoiceNo>
              <fin:Amount>{{ input.amount }}</fin:Amount>
              <fin:Currency>CNY</fin:Currency>
            </fin:CreatePaymentRequest>
          </soap:Body>
        </soap:Envelope>
        """;

    private readonly ConnectorHost _connector = new();
    private Simulators _systems = null!;

    public async Task InitializeAsync()
    {
        _systems = await Simulators.StartAsync();
        await _connector.Connections.SaveAsync(new("finance-soap", ConnectionKind.Soap)
        {
            Settings = new JsonObject { ["endpoint"] = _systems.Url + "/soap/finance", ["action"] = "urn:flowcenter:finance/CreatePaymentRequest" },
        });
    }

    public async Task DisposeAsync() => await _systems.DisposeAsync();

    public void Dispose() => _connector.Dispose();

    [Fact]
    public async Task PaymentRequest_ForAnInvoice_ReadsThePaymentNumberByXPath()
    {
        var invoice = await RegisterInvoiceAsync();

        var instance = await RunAsync(invoice, 1200m);

        Assert.Contains("paid", instance.CompletedPath());
        var fields = instance.Variables["answer"]!["fields"]!;
        Assert.Equal("PAY-0001", fields["paymentNo"]!.GetValue<string>());
        Assert.Equal("scheduled", fields["status"]!.GetValue<string>());
        Assert.Equal(1200d, fields["amount"]!.GetValue<double>());
        var payment = Assert.Single((await _systems.GetAsync("/api/finance/payments")).AsArray());
        Assert.Equal(invoice, payment!["invoiceNo"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownInvoice_IsAFaultWithItsTextNotAnIncident()
    {
        var instance = await RunAsync("INV-<9>&", 10m);

        Assert.Contains("refused", instance.CompletedPath());
        Assert.Empty(instance.Incidents);
        var fault = instance.Variables["answer"]!["fault"]!;
        Assert.Equal("soap:Client", fault["code"]!.GetValue<string>());
        Assert.Equal("Invoice INV-<9>& is unknown.", fault["message"]!.GetValue<string>()); // escaped on the way, intact on arrival
        Assert.Equal(500, instance.Variables["answer"]!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task ServerErrorThenSuccess_RetriesAndPaysOnce()
    {
        var invoice = await RegisterInvoiceAsync();
        await _systems.ChaosAsync("/soap/finance", "failAfter", times: 1);

        var instance = await RunAsync(invoice, 1200m);

        Assert.Contains("paid", instance.CompletedPath());
        Assert.Single((await _systems.GetAsync("/api/finance/payments")).AsArray());
    }

    [Fact]
    public async Task AnswerThatIsNotXml_FailsTheNodeSayingSo()
    {
        var invoice = await RegisterInvoiceAsync();
        await _systems.ChaosAsync("/soap/finance", "garbage");

        var instance = await RunAsync(invoice, 1200m);

        var incident = Assert.Single(instance.Incidents);
        Assert.Contains("not XML", incident.Message, StringComparison.Ordinal);
        Assert.Contains("/soap/finance", incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowService_LeavesByTimeout()
    {
        var invoice = await RegisterInvoiceAsync();
        await _systems.ChaosAsync("/soap/finance", "slow", times: 5, delayMs: 2000);

        var instance = await RunAsync(invoice, 1200m, ("timeout", "PT0.3S"), ("retries", 0));

        Assert.Contains("late", instance.CompletedPath());
    }

    private async Task<string> RegisterInvoiceAsync()
    {
        var invoice = await _systems.PostAsync("/api/finance/invoices", new { supplier = "S001", poNo = "PO-0001", lines = new[] { new { sku = "STEEL-Q235", quantity = 10, price = 120 } } });
        return invoice["no"]!.GetValue<string>();
    }

    private async Task<WorkflowInstance> RunAsync(string invoiceNo, decimal amount, params (string Name, object? Value)[] inputs)
    {
        var id = "soap-" + Guid.NewGuid().ToString("N")[..6];
        _connector.Host.Register(new WorkflowBuilder(id)
            .Variable("answer")
            .Node("start", "Start")
            .Node("pay", "SoapCall",
            [
                ("connection", "finance-soap"), ("envelope", Envelope), ("resultVariable", "answer"), ("retries", 2),
                ("extract", JsonNode.Parse("""{ "paymentNo": "//fin:PaymentNo", "status": "string(//fin:Status)", "amount": "number(//fin:Amount)" }""")),
                ("namespaces", JsonNode.Parse("""{ "fin": "urn:flowcenter:finance" }""")),
                .. inputs,
            ])
            .Node("paid", "End").Node("refused", "End").Node("late", "End")
            .Connect("start", "pay")
            .Connect("pay", "paid", SoapCall.Success).Connect("pay", "refused", SoapCall.Fault).Connect("pay", "late", SoapCall.Timeout)
            .Build());
        return await _connector.Host.StartAsync(id, new StartOptions { Input = new Dictionary<string, JsonNode?> { ["invoiceNo"] = invoiceNo, ["amount"] = amount } });
    }
}
