using System.Net.Http.Json;
using FlowCenter.Server.Tests.TestSupport;

namespace FlowCenter.Server.Tests.Processes;

/// <summary>Equipment repair: a fault from MES or a person, dispatched to a technician, parts issued, cost booked, archived.</summary>
public sealed class EquipmentRepairTests
{
    [Fact]
    public async Task MesFaultOnLine3_GoesToZhengHao_WhoseProgressAndPartsReachMesWmsErpAndOa()
    {
        await using var scenario = await EnterpriseScenario.StartAsync("equipment-repair");
        var systems = scenario.Systems;

        await systems.PostAsync("/api/mes/faults", new { line = "L3", equipment = "CNC-07", type = "mechanical", description = "主轴异响 Spindle noise" });
        var first = await scenario.WaitForTaskAsync("zheng.hao");
        Assert.Contains("CNC-07", first["title"]!.ToString(), StringComparison.Ordinal);
        var fault = await systems.GetAsync("/api/mes/faults/FA-0001");
        Assert.Equal(("dispatched", "RO-0001", "zheng.hao"), (fault["status"]!.ToString(), fault["repairOrderNo"]!.ToString(), fault["technician"]!.ToString()));

        await scenario.DecideAsync("zheng.hao", first["itemId"]!.ToString(), "progress", data: new { progress = "轴承磨损，已拆检 Bearings worn" });
        await scenario.WaitForInstanceAsync("equipment-repair", i => EnterpriseScenario.WaitsAt(i, "repair") && i["variables"]!["progress"]!.ToString().StartsWith("轴承", StringComparison.Ordinal), "the second repair task");
        Assert.Equal(("in repair", "轴承磨损，已拆检 Bearings worn"), Status(await systems.GetAsync("/api/mes/repair-orders/RO-0001")));
        Assert.Equal("in repair", (await systems.GetAsync("/api/mes/faults/FA-0001"))["status"]!.ToString());

        var second = await scenario.WaitForTaskAsync("zheng.hao");
        await scenario.DecideAsync("zheng.hao", second["itemId"]!.ToString(), "repaired", data: new
        {
            progress = "更换主轴轴承 Replaced spindle bearings",
            parts = new[] { new { sku = "BRG-6205", quantity = 2 } },
            hours = 3,
        });
        var done = await scenario.WaitForInstanceAsync("equipment-repair", EnterpriseScenario.IsCompleted, "completion");

        Assert.Equal(("repaired", "更换主轴轴承 Replaced spindle bearings"), Status(await systems.GetAsync("/api/mes/repair-orders/RO-0001")));
        Assert.Equal("repaired", (await systems.GetAsync("/api/mes/faults/FA-0001"))["status"]!.ToString());
        Assert.Equal(38m, (await systems.GetAsync("/api/wms/stock/BRG-6205"))["quantity"]!.GetValue<decimal>());
        Assert.Equal("RO-0001", Assert.Single((await systems.GetAsync("/api/wms/goods-issues")).AsArray())!["reference"]!.ToString());
        var booking = Assert.Single((await systems.GetAsync("/api/erp/cost-bookings")).AsArray())!;
        Assert.Equal((610m, "LINE-L3", "6602", "RO-0001"), (booking["amount"]!.GetValue<decimal>(), booking["costCenter"]!.ToString(), booking["account"]!.ToString(), booking["reference"]!.ToString()));
        var article = Assert.Single((await systems.GetAsync("/api/oa/knowledge")).AsArray())!;
        Assert.Contains("Replaced spindle bearings", article["summary"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(610d, done["variables"]!["cost"]!.GetValue<double>());
    }

    [Fact]
    public async Task PersonReportsAHydraulicFaultOnLine1_WuGangRepairsItWithoutParts()
    {
        await using var scenario = await EnterpriseScenario.StartAsync("equipment-repair");
        using var reporter = scenario.Server.ClientAs("operator");
        using var started = await reporter.PostAsJsonAsync("/api/instances", new
        {
            definitionId = "equipment-repair",
            input = new { line = "L1", equipment = "PRESS-02", type = "hydraulic", description = "Oil leak at the main cylinder" },
        });
        started.EnsureSuccessStatusCode();

        var task = await scenario.WaitForTaskAsync("wu.gang");
        await scenario.DecideAsync("wu.gang", task["itemId"]!.ToString(), "repaired", data: new { progress = "Resealed the cylinder", parts = Array.Empty<object>(), hours = 2 });
        await scenario.WaitForInstanceAsync("equipment-repair", EnterpriseScenario.IsCompleted, "completion");

        var order = await scenario.Systems.GetAsync("/api/mes/repair-orders/RO-0001");
        Assert.Equal(("wu.gang", "repaired"), (order["technician"]!.ToString(), order["status"]!.ToString()));
        Assert.Empty((await scenario.Systems.GetAsync("/api/mes/faults")).AsArray());
        Assert.Empty((await scenario.Systems.GetAsync("/api/wms/goods-issues")).AsArray());
        Assert.Equal(360m, Assert.Single((await scenario.Systems.GetAsync("/api/erp/cost-bookings")).AsArray())!["amount"]!.GetValue<decimal>());
    }

    private static (string Status, string Progress) Status(System.Text.Json.Nodes.JsonNode order) => (order["status"]!.ToString(), order["progress"]!.ToString());
}
