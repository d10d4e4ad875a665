using System.Globalization;
using System.Text.Json.Nodes;
using FlowCenter.Samples.Enterprise.Data;
using FlowCenter.Samples.Enterprise.Web;
using static FlowCenter.Samples.Enterprise.Web.Operations;

namespace FlowCenter.Samples.Enterprise.Systems;

/// <summary>
/// CRM: customers (changes readable since a watermark, each change announced as <c>customer.changed</c>), sales
/// orders taken from customers (confirming one announces <c>order.confirmed</c>), status updates and customer
/// notifications from FlowCenter, user accounts.
/// </summary>
public static class Crm
{
    public const string System = "crm";

    public static void Map(IEndpointRouteBuilder app)
    {
        var crm = app.MapGroup("/api/crm");
        crm.MapGet("/customers", async (EnterpriseStore store, string? changedSince) =>
        {
            DateTimeOffset? since = changedSince is { Length: > 0 }
                ? DateTimeOffset.TryParse(changedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new BadHttpRequestException($"changedSince '{changedSince}' is not a date and time.")
                : null;
            var customers = await store.ListAsync(System, "customers", since);
            return Results.Json(new JsonObject
            {
                ["items"] = new JsonArray([.. customers]),
                ["watermark"] = customers.Count > 0 ? customers[^1]["updatedAt"]!.DeepClone() : changedSince,
            });
        });
        crm.MapGet("/customers/{code}", async (EnterpriseStore store, string code) =>
            await store.GetAsync(System, "customers", code) is { } customer ? Results.Json(customer) : Results.NotFound());
        crm.MapPut("/customers/{code}", (HttpContext http, EnterpriseStore store, string code, JsonObject body) =>
            RunAsync(http, store, () => SaveCustomerAsync(store, code, body)));

        crm.MapGet("/orders", async (EnterpriseStore store) => Results.Json(await store.ListAsync(System, "orders")));
        crm.MapGet("/orders/{no}", async (EnterpriseStore store, string no) =>
            await store.GetAsync(System, "orders", no) is { } order ? Results.Json(order) : Results.NotFound());
        crm.MapPost("/orders", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, () => CreateOrderAsync(store, body), StatusCodes.Status201Created));
        crm.MapPost("/orders/{no}/confirm", (HttpContext http, EnterpriseStore store, string no) =>
            RunAsync(http, store, () => ConfirmOrderAsync(store, no)));
        crm.MapPatch("/orders/{no}", (HttpContext http, EnterpriseStore store, string no, JsonObject body) =>
            RunAsync(http, store, async () => await store.UpdateAsync(System, "orders", no, order => CopyFields(body, order, "status", "erpOrderNo", "workOrderNo", "shipmentNo", "trackingNo", "note")) ?? NotFound("order", no)));
        crm.MapPost("/orders/{no}/notifications", (HttpContext http, EnterpriseStore store, string no, JsonObject body) =>
            RunAsync(http, store, async () =>
            {
                var order = await store.GetAsync(System, "orders", no) ?? NotFound("order", no);
                var customer = await store.GetAsync(System, "customers", order["customer"]!.ToString());
                return await store.CreateAsync(System, "notifications", "MSG", new JsonObject
                {
                    ["order"] = no,
                    ["customer"] = order["customer"]!.DeepClone(),
                    ["email"] = customer?["email"]?.DeepClone(),
                    ["message"] = Text(body, "message"),
                });
            }, StatusCodes.Status201Created));
        crm.MapPost("/accounts", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, () => Accounts.OpenAsync(store, System, body), StatusCodes.Status201Created));
    }

    public static async Task<JsonNode> SaveCustomerAsync(EnterpriseStore store, string code, JsonObject body)
    {
        var fields = new JsonObject
        {
            ["code"] = code,
            ["name"] = Text(body, "name"),
            ["taxNo"] = OptionalText(body, "taxNo"),
            ["city"] = OptionalText(body, "city"),
            ["email"] = OptionalText(body, "email"),
            ["phone"] = OptionalText(body, "phone"),
        };
        var saved = await store.UpdateAsync(System, "customers", code, customer =>
        {
            foreach (var (name, value) in fields)
            {
                customer[name] = value?.DeepClone();
            }
        }) ?? store.Add(System, "customers", code, fields);
        store.Raise("customer.changed", new JsonObject { ["code"] = code, ["name"] = fields["name"]!.DeepClone() }, code);
        return saved;
    }

    public static async Task<JsonNode> CreateOrderAsync(EnterpriseStore store, JsonObject body)
    {
        var customer = Text(body, "customer");
        _ = await store.GetAsync(System, "customers", customer) ?? throw new BusinessException(StatusCodes.Status400BadRequest, $"There is no customer {customer}.");
        var quantity = Number(body, "quantity");
        if (quantity <= 0)
        {
            throw new BusinessException(StatusCodes.Status400BadRequest, "'quantity' must be above 0.");
        }

        return await store.CreateAsync(System, "orders", "CO", new JsonObject
        {
            ["customer"] = customer,
            ["product"] = Text(body, "product"),
            ["quantity"] = quantity,
            ["dueDate"] = Text(body, "dueDate"),
            ["status"] = "draft",
        });
    }

    public static async Task<JsonNode> ConfirmOrderAsync(EnterpriseStore store, string no)
    {
        var current = await store.GetAsync(System, "orders", no) ?? NotFound("order", no);
        if (current["status"]?.ToString() != "draft")
        {
            throw new BusinessException(StatusCodes.Status409Conflict, $"Order {no} is {current["status"]}, not a draft.");
        }

        var customer = await store.GetAsync(System, "customers", current["customer"]!.ToString());
        var order = (await store.UpdateAsync(System, "orders", no, o => o["status"] = "confirmed"))!;
        store.Raise("order.confirmed", new JsonObject
        {
            ["orderNo"] = no,
            ["customer"] = new JsonObject { ["code"] = current["customer"]!.DeepClone(), ["name"] = customer?["name"]?.DeepClone() },
            ["product"] = current["product"]!.DeepClone(),
            ["quantity"] = current["quantity"]!.DeepClone(),
            ["dueDate"] = current["dueDate"]!.DeepClone(),
        }, no);
        return order;
    }
}
