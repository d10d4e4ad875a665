using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Processes;

/// <summary>Order to delivery, from the CRM's confirmation through ERP, MES, WMS and the shipping approval back to the CRM.</summary>
public sealed class OrderToDeliveryTests
{
    [Fact]
    public async Task ConfirmedCrmOrder_IsMadeShippedAndReportedBack_WithTheApprovalInTheInbox()
    {
        await using var scenario = await EnterpriseScenario.StartAsync("order-to-delivery");
        var systems = scenario.Systems;

        await systems.PostAsync("/api/crm/orders/CO-0001/confirm");
        var waiting = await scenario.WaitForInstanceAsync("order-to-delivery", i => EnterpriseScenario.WaitsAt(i, "produced"), "waiting for MES");

        var salesOrder = await systems.GetAsync("/api/erp/sales-orders/SO-0001");
        Assert.Equal(("CO-0001", "C001", "HP-200", 20m), (Text(salesOrder, "crmOrderNo"), Text(salesOrder, "customerCode"), Text(salesOrder, "material"), salesOrder["quantity"]!.GetValue<decimal>()));
        Assert.Equal(Text(await systems.GetAsync("/api/crm/orders/CO-0001"), "dueDate"), Text(salesOrder, "deliveryDate"));
        var production = await systems.GetAsync("/api/mes/production-orders/MO-0001");
        Assert.Equal(("WO-0001", "scheduled"), (Text(production, "workOrderNo"), Text(production, "status")));
        var crmOrder = await systems.GetAsync("/api/crm/orders/CO-0001");
        Assert.Equal(("in production", "SO-0001", "WO-0001"), (Text(crmOrder, "status"), Text(crmOrder, "erpOrderNo"), Text(crmOrder, "workOrderNo")));

        await systems.PostAsync("/api/mes/production-orders/MO-0001/finish");
        var task = await scenario.WaitForTaskAsync("zhou.min");
        Assert.Contains("CO-0001", Text(task, "title"), StringComparison.Ordinal);
        await scenario.DecideAsync("zhou.min", Text(task, "itemId"), "approve", "按时发货", new { carrier = "JD Logistics" });
        var done = await scenario.WaitForInstanceAsync("order-to-delivery", EnterpriseScenario.IsCompleted, "completion");

        Assert.Equal(Text(waiting, "id"), Text(done, "id"));
        var shipment = await systems.GetAsync("/api/erp/sales-orders/SO-0001");
        Assert.Equal(("shipped", "SH-0001"), (Text(shipment, "status"), Text(shipment, "shipmentNo")));
        var workOrder = await systems.GetAsync("/api/erp/work-orders/WO-0001");
        Assert.Equal(("completed", "MO-0001", "GR-0001"), (Text(workOrder, "status"), Text(workOrder, "productionNo"), Text(workOrder, "receiptNo")));
        Assert.Equal(20m, (await systems.GetAsync("/api/wms/stock/HP-200"))["quantity"]!.GetValue<decimal>());
        crmOrder = await systems.GetAsync("/api/crm/orders/CO-0001");
        Assert.Equal("shipped", Text(crmOrder, "status"));
        Assert.StartsWith("JD", Text(crmOrder, "trackingNo"), StringComparison.Ordinal);
        var approval = Assert.Single((await systems.GetAsync("/api/oa/approvals")).AsArray())!;
        Assert.Equal(("approve", "zhou.min", "按时发货"), (Text(approval, "decision"), Text(approval, "by"), Text(approval, "comment")));
        var notification = Assert.Single((await systems.GetAsync("/api/crm/notifications")).AsArray())!;
        Assert.Contains(Text(crmOrder, "trackingNo"), Text(notification, "message"), StringComparison.Ordinal);
        Assert.Contains("JD Logistics", Text(notification, "message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErpAnswerLostAndMesAnsweringGarbage_NoDoubleOrders_TheIncidentIsRetriedByTheOperator()
    {
        await using var scenario = await EnterpriseScenario.StartAsync("order-to-delivery");
        var systems = scenario.Systems;
        await systems.ChaosAsync("/api/erp/sales-orders", "failAfter", times: 2); // ERP creates the order, the answer is lost, twice
        await systems.ChaosAsync("/api/mes/production-orders", "garbage"); // MES answers an error page with 200

        await systems.PostAsync("/api/crm/orders/CO-0001/confirm");
        var failed = await scenario.WaitForInstanceAsync("order-to-delivery", i => i["incidents"]!.AsArray().Count > 0, "the incident");

        var incident = Assert.Single(failed["incidents"]!.AsArray())!;
        Assert.Equal("schedule", Text(incident, "nodeId"));
        Assert.Contains("/api/mes/production-orders answered 200 with a body that is not JSON", Text(incident, "message"), StringComparison.Ordinal);
        Assert.Single((await systems.GetAsync("/api/erp/sales-orders")).AsArray());
        Assert.Single((await systems.GetAsync("/api/erp/work-orders")).AsArray());
        Assert.Empty((await systems.GetAsync("/api/mes/production-orders")).AsArray());

        await scenario.Server.PostAsync($"/api/instances/{Text(failed, "id")}/incidents/{Text(incident, "id")}/retry");
        await scenario.WaitForInstanceAsync("order-to-delivery", i => EnterpriseScenario.WaitsAt(i, "produced"), "waiting for MES after the retry");

        Assert.Equal("WO-0001", Text(Assert.Single((await systems.GetAsync("/api/mes/production-orders")).AsArray())!, "workOrderNo"));
        Assert.Equal("in production", Text(await systems.GetAsync("/api/crm/orders/CO-0001"), "status"));
    }

    private static string Text(JsonNode node, string field) => node[field]?.ToString() ?? throw new InvalidOperationException($"No '{field}' in {node.ToJsonString()}");
}
