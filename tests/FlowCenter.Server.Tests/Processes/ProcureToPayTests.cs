using System.Net.Http.Json;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Processes;

/// <summary>Procure to pay: OA request, approval chain, ERP order, WMS receipt, supplier invoice, three-way match, SOAP payment.</summary>
public sealed class ProcureToPayTests
{
    [Fact]
    public async Task Request_ApprovedReceivedAndInvoicedAsOrdered_IsPaidThroughFinance()
    {
        await using var scenario = await EnterpriseScenario.StartAsync("procure-to-pay");
        var po = await OrderAsync(scenario);
        var systems = scenario.Systems;

        await systems.PostAsync("/api/finance/invoices", new { supplier = "S001", poNo = po, lines = new[] { new { sku = "STEEL-Q235", quantity = 200, price = 120 }, new { sku = "BRG-6205", quantity = 50, price = 8 } } });
        var done = await scenario.WaitForInstanceAsync("procure-to-pay", EnterpriseScenario.IsCompleted, "payment");

        var payment = Assert.Single((await systems.GetAsync("/api/finance/payments")).AsArray())!;
        Assert.Equal(24400m, payment["amount"]!.GetValue<decimal>());
        var order = await systems.GetAsync($"/api/erp/purchase-orders/{po}");
        Assert.Equal(("paid", "GR-0001", "INV-0001", payment["no"]!.ToString()), (order["status"]!.ToString(), order["receiptNo"]!.ToString(), order["invoiceNo"]!.ToString(), order["paymentNo"]!.ToString()));
        Assert.Equal(300m, (await systems.GetAsync("/api/wms/stock/STEEL-Q235"))["quantity"]!.GetValue<decimal>());
        Assert.Equal("payment requested", (await systems.GetAsync("/api/finance/invoices/INV-0001"))["status"]!.ToString());
        Assert.Equal(payment["no"]!.ToString(), done["variables"]!["payment"]!["fields"]!["paymentNo"]!.ToString());
    }

    [Fact]
    public async Task InvoiceAboveThePrice_GoesToFinanceWithTheThreeDocuments_AndIsDisputed()
    {
        await using var scenario = await EnterpriseScenario.StartAsync("procure-to-pay");
        var po = await OrderAsync(scenario);
        var systems = scenario.Systems;

        await systems.PostAsync("/api/finance/invoices", new { supplier = "S001", poNo = po, lines = new[] { new { sku = "STEEL-Q235", quantity = 200, price = 132 }, new { sku = "BRG-6205", quantity = 50, price = 8 } } });
        var review = await scenario.WaitForTaskAsync("wang.fang");
        var waiting = await scenario.WaitForInstanceAsync("procure-to-pay", i => EnterpriseScenario.WaitsAt(i, "review"), "the mismatch review");

        Assert.Contains(po, review["title"]!.ToString(), StringComparison.Ordinal);
        var spec = (await scenario.Server.GetAsync($"/api/tasks/{review["itemId"]}"))["group"]!["spec"]!;
        Assert.Equal("仍然付款 / Pay", spec["outcomeLabels"]!["pay"]!.ToString()); // what the buttons say
        Assert.Equal("third", spec["form"]!["fields"]![1]!["width"]!.ToString()); // the documents side by side
        var variables = waiting["variables"]!;
        Assert.Equal("STEEL-Q235: invoiced at 132, ordered at 120 (10%)", Assert.Single(variables["differences"]!.AsArray())!["problem"]!.ToString());
        Assert.Equal(2, variables["orderLines"]!.AsArray().Count);
        Assert.Equal(2, variables["receiptLines"]!.AsArray().Count);
        Assert.Equal(132m, variables["invoiceLines"]![0]!["price"]!.GetValue<decimal>());

        await scenario.DecideAsync("wang.fang", review["itemId"]!.ToString(), "dispute", "单价与合同不符");
        await scenario.WaitForInstanceAsync("procure-to-pay", EnterpriseScenario.IsCompleted, "the dispute");

        Assert.Equal("invoice disputed", (await systems.GetAsync($"/api/erp/purchase-orders/{po}"))["status"]!.ToString());
        Assert.Empty((await systems.GetAsync("/api/finance/payments")).AsArray());
    }

    /// <summary>Zhang Wei asks for steel and bearings (24,400): his manager, then finance, approve; ERP orders; the warehouse receives.</summary>
    private static async Task<string> OrderAsync(EnterpriseScenario scenario)
    {
        using var requester = scenario.Server.ClientAs("zhang.wei");
        using var started = await requester.PostAsJsonAsync("/api/instances", new
        {
            definitionId = "procure-to-pay",
            input = new
            {
                requester = "zhang.wei",
                department = "Production",
                supplier = "S001",
                reason = "Q1 钢材备料",
                lines = new[] { new { sku = "STEEL-Q235", quantity = 200, price = 120 }, new { sku = "BRG-6205", quantity = 50, price = 8 } },
            },
        });
        started.EnsureSuccessStatusCode();
        await scenario.DecideAsync("li.na", (await scenario.WaitForTaskAsync("li.na"))["itemId"]!.ToString(), "approve");
        await scenario.DecideAsync("wang.fang", (await scenario.WaitForTaskAsync("wang.fang"))["itemId"]!.ToString(), "approve");
        await scenario.WaitForInstanceAsync("procure-to-pay", i => EnterpriseScenario.WaitsAt(i, "receipt"), "the goods receipt");
        var order = Assert.Single((await scenario.Systems.GetAsync("/api/erp/purchase-orders")).AsArray())!;
        Assert.Equal(24400m, order["total"]!.GetValue<decimal>());
        var po = order["no"]!.ToString();
        await scenario.Systems.PostAsync("/api/wms/goods-receipts", new { reference = po, lines = new[] { new { sku = "STEEL-Q235", quantity = 200 }, new { sku = "BRG-6205", quantity = 50 } } });
        await scenario.WaitForInstanceAsync("procure-to-pay", i => EnterpriseScenario.WaitsAt(i, "invoice"), "the invoice");
        Assert.Equal("received", (await scenario.Systems.GetAsync($"/api/erp/purchase-orders/{po}"))["status"]!.ToString());
        return po;
    }
}
