using System.Text.Json.Nodes;
using FlowCenter.Connectors.Mapping;
using FlowCenter.Connectors.Tests.TestSupport;
using FlowCenter.Engine.Execution;
using FlowCenter.Engine.State;

namespace FlowCenter.Connectors.Tests.Mapping;

public sealed class ThreeWayMatchTests : IDisposable
{
    private static readonly JsonNode Order = JsonNode.Parse("""{ "no": "PO-1", "lines": [ { "sku": "STEEL-Q235", "quantity": 100, "price": 12.5 }, { "sku": "BRG-6205", "quantity": 40, "price": 8 } ] }""")!;
    private readonly ConnectorHost _connector = new();

    public void Dispose() => _connector.Dispose();

    [Fact]
    public async Task SameQuantitiesAndPrices_Match()
    {
        var instance = await RunAsync(Order, Receipt(100, 40), Invoice((100, 12.5), (40, 8)));

        Assert.Contains("pay", instance.CompletedPath());
        var match = instance.Variables["match"]!;
        Assert.True(match["matched"]!.GetValue<bool>());
        Assert.Empty(match["differences"]!.AsArray());
        Assert.Equal(1570d, match["invoiceTotal"]!.GetValue<double>());
    }

    [Fact]
    public async Task DifferencesWithinTolerance_Match()
    {
        var instance = await RunAsync(Order, Receipt(99, 40), Invoice((99, 12.6), (40, 8)), quantityTolerance: 2, priceTolerance: 1);

        Assert.Contains("pay", instance.CompletedPath());
    }

    [Fact]
    public async Task PriceAboveToleranceAndShortDelivery_AreMismatchesListedPerLine()
    {
        var instance = await RunAsync(Order, Receipt(100, 30), Invoice((100, 13.75), (40, 8)), quantityTolerance: 2, priceTolerance: 5);

        Assert.Contains("review", instance.CompletedPath());
        var differences = instance.Variables["match"]!["differences"]!.AsArray().Select(d => d!["message"]!.GetValue<string>()).ToList();
        Assert.Equal(
        [
            "STEEL-Q235: invoiced at 13.75, ordered at 12.5 (10%)",
            "BRG-6205: received 30, ordered 40",
            "BRG-6205: invoiced 40, received 30",
        ], differences);
        var bearing = instance.Variables["match"]!["lines"]!.AsArray().Single(l => l!["sku"]!.GetValue<string>() == "BRG-6205")!;
        Assert.False(bearing["matched"]!.GetValue<bool>());
        Assert.Equal(30d, bearing["received"]!.GetValue<double>());
    }

    [Fact]
    public async Task LineMissingFromTheInvoiceOrExtraOnIt_IsAMismatch()
    {
        var invoice = JsonNode.Parse("""{ "lines": [ { "sku": "STEEL-Q235", "quantity": 100, "price": 12.5 }, { "sku": "FREIGHT", "quantity": 1, "price": 300 } ] }""")!;

        var instance = await RunAsync(Order, Receipt(100, 40), invoice);

        var differences = instance.Variables["match"]!["differences"]!.AsArray().Select(d => d!["message"]!.GetValue<string>()).ToList();
        Assert.Contains("BRG-6205: not invoiced", differences);
        Assert.Contains("FREIGHT: not on the purchase order", differences);
        Assert.Contains("FREIGHT: not received", differences);
    }

    [Fact]
    public async Task LineWithoutItsKey_FailsNamingDocumentAndLine()
    {
        var receipt = JsonNode.Parse("""{ "lines": [ { "sku": "STEEL-Q235", "quantity": 100 }, { "quantity": 40 } ] }""")!;

        var instance = await RunAsync(Order, receipt, Invoice((100, 12.5), (40, 8)));

        Assert.EndsWith("Line 2 of the receipt has no 'sku'.", Assert.Single(instance.Incidents).Message, StringComparison.Ordinal);
    }

    private static JsonObject Receipt(double steel, double bearings) =>
        new JsonObject { ["lines"] = new JsonArray(new JsonObject { ["sku"] = "STEEL-Q235", ["quantity"] = steel }, new JsonObject { ["sku"] = "BRG-6205", ["quantity"] = bearings }) };

    private static JsonObject Invoice((double Quantity, double Price) steel, (double Quantity, double Price) bearings) =>
        new JsonObject
        {
            ["lines"] = new JsonArray(
                new JsonObject { ["sku"] = "STEEL-Q235", ["quantity"] = steel.Quantity, ["price"] = steel.Price },
                new JsonObject { ["sku"] = "BRG-6205", ["quantity"] = bearings.Quantity, ["price"] = bearings.Price }),
        };

    private async Task<WorkflowInstance> RunAsync(JsonNode order, JsonNode receipt, JsonNode invoice, double quantityTolerance = 0, double priceTolerance = 0)
    {
        var id = "match-" + Guid.NewGuid().ToString("N")[..6];
        _connector.Host.Register(new WorkflowBuilder(id)
            .Variable("match")
            .Node("start", "Start")
            .Node("match", "ThreeWayMatch",
            [
                ("order", new Js("input.order")), ("receipt", new Js("input.receipt")), ("invoice", new Js("input.invoice")),
                ("quantityTolerance", quantityTolerance), ("priceTolerance", priceTolerance), ("resultVariable", "match"),
            ])
            .Node("pay", "End").Node("review", "End")
            .Connect("start", "match")
            .Connect("match", "pay", ThreeWayMatch.Matched).Connect("match", "review", ThreeWayMatch.Mismatched)
            .Build());
        return await _connector.Host.StartAsync(id, new StartOptions { Input = new Dictionary<string, JsonNode?> { ["order"] = order.DeepClone(), ["receipt"] = receipt.DeepClone(), ["invoice"] = invoice.DeepClone() } });
    }
}
