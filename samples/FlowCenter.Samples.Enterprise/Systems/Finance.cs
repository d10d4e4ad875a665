using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using FlowCenter.Samples.Enterprise.Data;
using FlowCenter.Samples.Enterprise.Web;
using static FlowCenter.Samples.Enterprise.Web.Operations;

namespace FlowCenter.Samples.Enterprise.Systems;

/// <summary>
/// Finance: supplier invoices (registering one announces <c>invoice.arrived</c> with its purchase order),
/// payments, requested through the finance system's SOAP service (<c>POST /soap/finance</c>, operation
/// CreatePaymentRequest; an unknown invoice or a wrong amount is a SOAP fault), and the general-ledger accounts.
/// </summary>
public static class Finance
{
    public const string System = "finance";
    public const string Namespace = "urn:flowcenter:finance";
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Fin = Namespace;

    public static void Map(IEndpointRouteBuilder app)
    {
        var finance = app.MapGroup("/api/finance");
        finance.MapPost("/invoices", (HttpContext http, EnterpriseStore store, JsonObject body) =>
            RunAsync(http, store, () => RegisterInvoiceAsync(store, body), StatusCodes.Status201Created));
        finance.MapGet("/invoices", async (EnterpriseStore store) => Results.Json(await store.ListAsync(System, "invoices")));
        finance.MapGet("/invoices/{no}", async (EnterpriseStore store, string no) =>
            await store.GetAsync(System, "invoices", no) is { } invoice ? Results.Json(invoice) : Results.NotFound());
        finance.MapGet("/payments", async (EnterpriseStore store) => Results.Json(await store.ListAsync(System, "payments")));
        finance.MapGet("/accounts", async (EnterpriseStore store) => Results.Json(await store.ListAsync(System, "accounts")));
        app.MapPost("/soap/finance", SoapAsync);
    }

    public static async Task<JsonNode> RegisterInvoiceAsync(EnterpriseStore store, JsonObject body)
    {
        var lines = Lines(body);
        if (lines.Any(l => l!["price"] is null))
        {
            throw new BusinessException(StatusCodes.Status400BadRequest, "Every invoice line needs a price.");
        }

        var invoice = await store.CreateAsync(System, "invoices", "INV", new JsonObject
        {
            ["supplier"] = Text(body, "supplier"),
            ["poNo"] = Text(body, "poNo"),
            ["lines"] = lines,
            ["total"] = lines.Sum(l => l!["quantity"]!.GetValue<decimal>() * l["price"]!.GetValue<decimal>()),
            ["status"] = "received",
        });
        store.Raise("invoice.arrived", invoice.DeepClone().AsObject(), invoice["poNo"]!.ToString());
        return invoice;
    }

    private static async Task<IResult> SoapAsync(HttpContext http, EnterpriseStore store)
    {
        XDocument request;
        try
        {
            using var reader = XmlReader.Create(http.Request.Body, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, Async = true });
            request = await XDocument.LoadAsync(reader, LoadOptions.None, http.RequestAborted);
        }
        catch (XmlException ex)
        {
            return Fault("soap:Client", $"The request is not XML: {ex.Message}");
        }

        var call = request.Root?.Element(Soap + "Body")?.Elements().FirstOrDefault();
        if (call is null)
        {
            return Fault("soap:Client", "The request has no SOAP body.");
        }

        if (call.Name != Fin + "CreatePaymentRequest")
        {
            return Fault("soap:Client", $"Unknown operation {call.Name.LocalName}.");
        }

        var invoiceNo = call.Element(Fin + "InvoiceNo")?.Value;
        if (!decimal.TryParse(call.Element(Fin + "Amount")?.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return Fault("soap:Client", "Amount is missing or not a number.");
        }

        var invoice = invoiceNo is null ? null : await store.GetAsync(System, "invoices", invoiceNo);
        if (invoice is null)
        {
            return Fault("soap:Client", $"Invoice {invoiceNo} is unknown.");
        }

        var total = invoice["total"]!.GetValue<decimal>();
        if (amount <= 0 || amount > total)
        {
            return Fault("soap:Client", $"Amount {amount.ToString(CultureInfo.InvariantCulture)} is not payable for invoice {invoiceNo} (total {total.ToString(CultureInfo.InvariantCulture)}).");
        }

        // One payment per invoice: asking again answers with the payment made.
        var payment = (await store.ListAsync(System, "payments")).Find(p => p["invoiceNo"]?.ToString() == invoiceNo);
        if (payment is null)
        {
            payment = await store.CreateAsync(System, "payments", "PAY", new JsonObject
            {
                ["invoiceNo"] = invoiceNo,
                ["supplier"] = invoice["supplier"]!.DeepClone(),
                ["amount"] = amount,
                ["currency"] = call.Element(Fin + "Currency")?.Value ?? "CNY",
                ["status"] = "scheduled",
            });
            await store.UpdateAsync(System, "invoices", invoiceNo!, i => i["status"] = "payment requested");
            await store.SaveAsync();
        }

        return Envelope(new XElement(Fin + "CreatePaymentRequestResponse",
            new XElement(Fin + "PaymentNo", payment["no"]!.ToString()),
            new XElement(Fin + "Status", payment["status"]!.ToString()),
            new XElement(Fin + "Amount", payment["amount"]!.ToString())), StatusCodes.Status200OK);
    }

    private static IResult Fault(string code, string message) =>
        Envelope(new XElement(Soap + "Fault", new XElement("faultcode", code), new XElement("faultstring", message)), StatusCodes.Status500InternalServerError);

    private static IResult Envelope(XElement content, int status) =>
        Results.Text(
            new XDocument(new XElement(Soap + "Envelope", new XAttribute(XNamespace.Xmlns + "soap", Soap), new XAttribute(XNamespace.Xmlns + "fin", Fin), new XElement(Soap + "Body", content))).ToString(),
            "text/xml; charset=utf-8",
            statusCode: status);
}
