using System.Text.Json.Nodes;
using FlowCenter.Samples.Enterprise.Data;
using FlowCenter.Samples.Enterprise.Web;
using static FlowCenter.Samples.Enterprise.Web.Operations;

namespace FlowCenter.Samples.Enterprise.Systems;

/// <summary>
/// ERP: sales orders (each creates its work order), shipments, purchase orders, the customer master, cost
/// bookings and user accounts.
/// </summary>
public static class Erp
{
    public const string System = "erp";

    public static void Map(IEndpointRouteBuilder app)
    {
        var erp = app.MapGroup("/api/erp");
        erp.MapPost("/sales-orders", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, () => CreateSalesOrderAsync(store, body), StatusCodes.Status201Created));
        erp.MapGet("/sales-orders/{no}", async (EnterpriseStore store, string no) =>
            await store.GetAsync(System, "sales-orders", no) is { } order ? Results.Json(order) : Results.NotFound());
        erp.MapGet("/work-orders/{no}", async (EnterpriseStore store, string no) =>
            await store.GetAsync(System, "work-orders", no) is { } order ? Results.Json(order) : Results.NotFound());
        erp.MapPatch("/work-orders/{no}", (HttpContext http, EnterpriseStore store, string no, JsonObject body) =>
            RunAsync(http, store, async () => await store.UpdateAsync(System, "work-orders", no, order => CopyFields(body, order, "status", "productionNo", "receiptNo")) ?? NotFound("work order", no)));
        erp.MapPost("/shipments", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, () => ShipAsync(store, body), StatusCodes.Status201Created));

        erp.MapPost("/purchase-orders", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, async () =>
            {
                var lines = Lines(body);
                var total = lines.Sum(l => l!["quantity"]!.GetValue<decimal>() * (l["price"]?.GetValue<decimal>() ?? 0));
                return await store.CreateAsync(System, "purchase-orders", "PO", new JsonObject
                {
                    ["supplier"] = Text(body, "supplier"),
                    ["requestNo"] = OptionalText(body, "requestNo"),
                    ["lines"] = lines,
                    ["total"] = total,
                    ["status"] = "ordered",
                });
            }, StatusCodes.Status201Created));
        erp.MapGet("/purchase-orders", async (EnterpriseStore store) => Results.Json(await store.ListAsync(System, "purchase-orders")));
        erp.MapGet("/purchase-orders/{no}", async (EnterpriseStore store, string no) =>
            await store.GetAsync(System, "purchase-orders", no) is { } order ? Results.Json(order) : Results.NotFound());
        erp.MapPatch("/purchase-orders/{no}", (HttpContext http, EnterpriseStore store, string no, JsonObject body) =>
            RunAsync(http, store, async () => await store.UpdateAsync(System, "purchase-orders", no, order => CopyFields(body, order, "status", "receiptNo", "invoiceNo", "paymentNo")) ?? NotFound("purchase order", no)));

        erp.MapGet("/customers", async (EnterpriseStore store) => Results.Json(await store.ListAsync(System, "customers")));
        erp.MapGet("/customers/{code}", async (EnterpriseStore store, string code) =>
            await store.GetAsync(System, "customers", code) is { } customer ? Results.Json(customer) : Results.NotFound());
        erp.MapPut("/customers/{code}", (HttpContext http, EnterpriseStore store, string code, JsonObject body) =>
            RunAsync(http, store, async () =>
            {
                var fields = body.DeepClone().AsObject();
                fields.Remove("updatedAt");
                fields.Remove("version");
                fields["code"] = code;
                _ = Text(fields, "name");
                return await store.UpdateAsync(System, "customers", code, customer =>
                {
                    foreach (var (name, value) in fields)
                    {
                        customer[name] = value?.DeepClone();
                    }
                }) ?? store.Add(System, "customers", code, fields);
            }));

        erp.MapPost("/cost-bookings", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, async () =>
            {
                var amount = Number(body, "amount");
                if (amount < 0)
                {
                    throw new BusinessException(StatusCodes.Status400BadRequest, "'amount' cannot be negative.");
                }

                return await store.CreateAsync(System, "cost-bookings", "CB", new JsonObject
                {
                    ["reference"] = Text(body, "reference"),
                    ["costCenter"] = Text(body, "costCenter"),
                    ["account"] = OptionalText(body, "account") ?? "5101",
                    ["amount"] = amount,
                    ["text"] = OptionalText(body, "text"),
                });
            }, StatusCodes.Status201Created));
        erp.MapPost("/accounts", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, () => Accounts.OpenAsync(store, System, body), StatusCodes.Status201Created));
    }

    public static async Task<JsonNode> CreateSalesOrderAsync(EnterpriseStore store, JsonObject body)
    {
        var quantity = Number(body, "quantity");
        if (quantity <= 0)
        {
            throw new BusinessException(StatusCodes.Status400BadRequest, "'quantity' must be above 0.");
        }

        var customer = Text(body, "customerCode");
        if (await store.GetAsync(System, "customers", customer) is null)
        {
            throw new BusinessException(StatusCodes.Status422UnprocessableEntity, $"Customer {customer} is not in the ERP customer master.");
        }

        var order = await store.CreateAsync(System, "sales-orders", "SO", new JsonObject
        {
            ["crmOrderNo"] = OptionalText(body, "crmOrderNo"),
            ["customerCode"] = customer,
            ["material"] = Text(body, "material"),
            ["quantity"] = quantity,
            ["deliveryDate"] = Text(body, "deliveryDate"),
            ["status"] = "released",
        });
        var workOrder = await store.CreateAsync(System, "work-orders", "WO", new JsonObject
        {
            ["salesOrderNo"] = order["no"]!.DeepClone(),
            ["material"] = order["material"]!.DeepClone(),
            ["quantity"] = quantity,
            ["dueDate"] = order["deliveryDate"]!.DeepClone(),
            ["status"] = "created",
        });
        await store.UpdateAsync(System, "sales-orders", order["no"]!.ToString(), o => o["workOrderNo"] = workOrder["no"]!.DeepClone());
        return new JsonObject { ["orderNo"] = order["no"]!.DeepClone(), ["workOrder"] = workOrder };
    }

    private static string TrackingPrefix(string? carrier) => carrier switch
    {
        "JD Logistics" => "JD",
        "Deppon" => "DP",
        _ => "SF",
    };

    public static async Task<JsonNode> ShipAsync(EnterpriseStore store, JsonObject body)
    {
        var orderNo = Text(body, "salesOrderNo");
        var order = await store.GetAsync(System, "sales-orders", orderNo) ?? NotFound("sales order", orderNo);
        if (order["status"]?.ToString() == "shipped")
        {
            throw new BusinessException(StatusCodes.Status409Conflict, $"Sales order {orderNo} is shipped already.");
        }

        var shipment = await store.CreateAsync(System, "shipments", "SH", new JsonObject
        {
            ["salesOrderNo"] = orderNo,
            ["customerCode"] = order["customerCode"]!.DeepClone(),
            ["material"] = order["material"]!.DeepClone(),
            ["quantity"] = order["quantity"]!.DeepClone(),
            ["carrier"] = OptionalText(body, "carrier") ?? "SF Express",
            ["trackingNo"] = $"{TrackingPrefix(OptionalText(body, "carrier"))}{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}",
        });
        await store.UpdateAsync(System, "sales-orders", orderNo, o =>
        {
            o["status"] = "shipped";
            o["shipmentNo"] = shipment["no"]!.DeepClone();
        });
        return shipment;
    }
}
