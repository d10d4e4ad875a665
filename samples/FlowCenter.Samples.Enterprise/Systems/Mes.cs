using System.Text.Json.Nodes;
using FlowCenter.Samples.Enterprise.Data;
using FlowCenter.Samples.Enterprise.Web;
using static FlowCenter.Samples.Enterprise.Web.Operations;

namespace FlowCenter.Samples.Enterprise.Systems;

/// <summary>
/// MES: production orders scheduled onto a line (finishing one announces <c>production.finished</c>) and equipment
/// faults reported from the shop floor (<c>fault.reported</c>) with the repair orders that fix them.
/// </summary>
public static class Mes
{
    public const string System = "mes";

    private static readonly string[] Lines = ["L1", "L2", "L3"];

    public static void Map(IEndpointRouteBuilder app)
    {
        var mes = app.MapGroup("/api/mes");
        mes.MapPost("/production-orders", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, async () =>
            {
                var workOrder = Text(body, "workOrderNo");
                var existing = (await store.ListAsync(System, "production-orders")).Find(p => p["workOrderNo"]?.ToString() == workOrder);
                if (existing is not null)
                {
                    throw new BusinessException(StatusCodes.Status409Conflict, $"Work order {workOrder} is scheduled already as {existing["no"]}.");
                }

                var count = (await store.ListAsync(System, "production-orders")).Count;
                return await store.CreateAsync(System, "production-orders", "MO", new JsonObject
                {
                    ["workOrderNo"] = workOrder,
                    ["material"] = Text(body, "material"),
                    ["quantity"] = Number(body, "quantity"),
                    ["dueDate"] = OptionalText(body, "dueDate"),
                    ["line"] = Lines[count % Lines.Length],
                    ["status"] = "scheduled",
                });
            }, StatusCodes.Status201Created));
        mes.MapGet("/production-orders/{no}", async (EnterpriseStore store, string no) =>
            await store.GetAsync(System, "production-orders", no) is { } order ? Results.Json(order) : Results.NotFound());
        mes.MapPost("/production-orders/{no}/finish", (HttpContext http, EnterpriseStore store, string no) =>
            RunAsync(http, store, () => FinishAsync(store, no)));

        MapRepairs(mes);
        mes.MapPost("/faults", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, () => ReportFaultAsync(store, body), StatusCodes.Status201Created));
        mes.MapPatch("/faults/{no}", (HttpContext http, EnterpriseStore store, string no, JsonObject body) =>
            RunAsync(http, store, async () => await store.UpdateAsync(System, "faults", no, fault => CopyFields(body, fault, "status", "repairOrderNo", "technician", "progress")) ?? NotFound("fault", no)));
    }

    private static void MapRepairs(RouteGroupBuilder mes)
    {
        mes.MapPost("/repair-orders", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, async () =>
            {
                var order = await store.CreateAsync(System, "repair-orders", "RO", new JsonObject
                {
                    ["faultNo"] = OptionalText(body, "faultNo"),
                    ["line"] = Text(body, "line"),
                    ["equipment"] = Text(body, "equipment"),
                    ["type"] = Text(body, "type"),
                    ["description"] = OptionalText(body, "description"),
                    ["technician"] = Text(body, "technician"),
                    ["status"] = "dispatched",
                });
                if (order["faultNo"]?.ToString() is { Length: > 0 } faultNo)
                {
                    await store.UpdateAsync(System, "faults", faultNo, f =>
                    {
                        f["status"] = "dispatched";
                        f["repairOrderNo"] = order["no"]!.DeepClone();
                        f["technician"] = order["technician"]!.DeepClone();
                    });
                }

                return order;
            }, StatusCodes.Status201Created));
        mes.MapGet("/repair-orders/{no}", async (EnterpriseStore store, string no) =>
            await store.GetAsync(System, "repair-orders", no) is { } order ? Results.Json(order) : Results.NotFound());
        mes.MapPatch("/repair-orders/{no}", (HttpContext http, EnterpriseStore store, string no, JsonObject body) =>
            RunAsync(http, store, async () =>
            {
                var order = await store.UpdateAsync(System, "repair-orders", no, o => CopyFields(body, o, "status", "progress", "parts", "hours")) ?? NotFound("repair order", no);
                if (order["faultNo"]?.ToString() is { Length: > 0 } faultNo)
                {
                    await store.UpdateAsync(System, "faults", faultNo, f =>
                    {
                        f["status"] = order["status"]!.DeepClone();
                        f["progress"] = order["progress"]?.DeepClone();
                    });
                }

                return order;
            }));
    }

    public static async Task<JsonNode> FinishAsync(EnterpriseStore store, string no)
    {
        var current = await store.GetAsync(System, "production-orders", no) ?? NotFound("production order", no);
        if (current["status"]?.ToString() != "scheduled")
        {
            throw new BusinessException(StatusCodes.Status409Conflict, $"Production order {no} is {current["status"]}.");
        }

        var order = (await store.UpdateAsync(System, "production-orders", no, o => o["status"] = "produced"))!;
        store.Raise("production.finished", new JsonObject
        {
            ["productionNo"] = no,
            ["workOrderNo"] = current["workOrderNo"]!.DeepClone(),
            ["material"] = current["material"]!.DeepClone(),
            ["quantity"] = current["quantity"]!.DeepClone(),
            ["line"] = current["line"]!.DeepClone(),
        }, current["workOrderNo"]!.ToString());
        return order;
    }

    public static async Task<JsonNode> ReportFaultAsync(EnterpriseStore store, JsonObject body)
    {
        var fault = await store.CreateAsync(System, "faults", "FA", new JsonObject
        {
            ["line"] = Text(body, "line"),
            ["equipment"] = Text(body, "equipment"),
            ["type"] = Text(body, "type"),
            ["description"] = OptionalText(body, "description"),
            ["status"] = "reported",
        });
        store.Raise("fault.reported", fault.DeepClone().AsObject(), fault["no"]!.ToString());
        return fault;
    }
}
