using System.Text.Json.Nodes;
using FlowCenter.Samples.Enterprise.Data;
using FlowCenter.Samples.Enterprise.Web;
using static FlowCenter.Samples.Enterprise.Web.Operations;

namespace FlowCenter.Samples.Enterprise.Systems;

/// <summary>
/// WMS: stock per SKU, goods receipts (stock up; announced as <c>goods.received</c> with the reference they
/// belong to: a purchase order or a work order) and goods issues (stock down, refused when it would go below
/// zero), user accounts.
/// </summary>
public static class Wms
{
    public const string System = "wms";

    public static void Map(IEndpointRouteBuilder app)
    {
        var wms = app.MapGroup("/api/wms");
        wms.MapGet("/stock", async (EnterpriseStore store) => Results.Json(await store.ListAsync(System, "stock")));
        wms.MapGet("/stock/{sku}", async (EnterpriseStore store, string sku) =>
            await store.GetAsync(System, "stock", sku) is { } item ? Results.Json(item) : Results.NotFound());
        wms.MapPost("/goods-receipts", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, () => ReceiveAsync(store, Text(body, "reference"), Lines(body)), StatusCodes.Status201Created));
        wms.MapGet("/goods-receipts", async (EnterpriseStore store) => Results.Json(await store.ListAsync(System, "goods-receipts")));
        wms.MapPost("/goods-issues", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, async () =>
            {
                var reference = Text(body, "reference");
                var lines = Lines(body);
                foreach (var line in lines)
                {
                    var sku = line!["sku"]!.ToString();
                    var quantity = line["quantity"]!.GetValue<decimal>();
                    var item = await store.GetAsync(System, "stock", sku) ?? throw new BusinessException(StatusCodes.Status422UnprocessableEntity, $"SKU {sku} is not stocked.");
                    if (item["quantity"]!.GetValue<decimal>() < quantity)
                    {
                        throw new BusinessException(StatusCodes.Status422UnprocessableEntity, $"Only {item["quantity"]} of {sku} in stock; {quantity} asked.");
                    }

                    await store.UpdateAsync(System, "stock", sku, s => s["quantity"] = s["quantity"]!.GetValue<decimal>() - quantity);
                }

                return await store.CreateAsync(System, "goods-issues", "GI", new JsonObject { ["reference"] = reference, ["lines"] = lines });
            }, StatusCodes.Status201Created));
        wms.MapPost("/accounts", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, () => Accounts.OpenAsync(store, System, body), StatusCodes.Status201Created));
    }

    public static async Task<JsonNode> ReceiveAsync(EnterpriseStore store, string reference, JsonArray lines)
    {
        foreach (var line in lines)
        {
            var sku = line!["sku"]!.ToString();
            var quantity = line["quantity"]!.GetValue<decimal>();
            if (await store.UpdateAsync(System, "stock", sku, s => s["quantity"] = s["quantity"]!.GetValue<decimal>() + quantity) is null)
            {
                store.Add(System, "stock", sku, new JsonObject { ["sku"] = sku, ["quantity"] = quantity });
            }
        }

        var receipt = await store.CreateAsync(System, "goods-receipts", "GR", new JsonObject { ["reference"] = reference, ["lines"] = lines });
        store.Raise("goods.received", new JsonObject { ["receiptNo"] = receipt["no"]!.DeepClone(), ["reference"] = reference, ["lines"] = lines.DeepClone() }, reference);
        return receipt;
    }
}
