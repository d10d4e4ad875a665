using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FlowCenter.Samples.Enterprise.Data;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Samples.Enterprise.Web;

/// <summary>
/// A page per system showing its records (refreshed every few seconds, so data arriving from FlowCenter can be
/// watched) and the buttons a person of that system would press: confirm an order, finish production, receive
/// goods, register an invoice, approve a hire, report a fault.
/// </summary>
public sealed class Pages(EnterpriseStore store, IStringLocalizer<Strings> text)
{
    private static readonly (string System, (string Kind, string[] Columns)[] Kinds)[] Systems =
    [
        ("crm", [("orders", ["no", "customer", "product", "quantity", "dueDate", "status", "erpOrderNo", "shipmentNo", "trackingNo"]), ("customers", ["code", "name", "taxNo", "city", "email", "updatedAt"]), ("notifications", ["no", "order", "customer", "email", "message"]), ("accounts", ["userName", "employeeNo", "name", "roles"])]),
        ("erp", [("sales-orders", ["no", "crmOrderNo", "customerCode", "material", "quantity", "deliveryDate", "status", "workOrderNo", "shipmentNo"]), ("work-orders", ["no", "salesOrderNo", "material", "quantity", "status", "productionNo", "receiptNo"]), ("shipments", ["no", "salesOrderNo", "material", "quantity", "carrier", "trackingNo"]), ("purchase-orders", ["no", "supplier", "requestNo", "lines", "total", "status", "receiptNo", "invoiceNo", "paymentNo"]), ("customers", ["code", "name", "taxNo", "city", "email", "creditLimit", "updatedAt"]), ("cost-bookings", ["no", "reference", "costCenter", "account", "amount", "text"]), ("accounts", ["userName", "employeeNo", "name", "roles"])]),
        ("mes", [("production-orders", ["no", "workOrderNo", "material", "quantity", "line", "status"]), ("faults", ["no", "line", "equipment", "type", "description", "status", "repairOrderNo", "technician", "progress"]), ("repair-orders", ["no", "faultNo", "line", "equipment", "type", "technician", "status", "progress", "parts", "hours"])]),
        ("wms", [("stock", ["sku", "quantity", "updatedAt"]), ("goods-receipts", ["no", "reference", "lines"]), ("goods-issues", ["no", "reference", "lines"]), ("accounts", ["userName", "employeeNo", "name", "roles"])]),
        ("srm", [("suppliers", ["code", "name", "contact", "phone"])]),
        ("finance", [("invoices", ["no", "supplier", "poNo", "lines", "total", "status"]), ("payments", ["no", "invoiceNo", "supplier", "amount", "currency", "status"]), ("accounts", ["code", "name"])]),
        ("hrm", [("employees", ["no", "name", "userName", "position", "department", "startDate", "status", "onboarding"])]),
        ("oa", [("approvals", ["no", "subject", "reference", "decision", "by", "comment"]), ("knowledge", ["no", "title", "equipment", "faultType", "summary", "parts", "reference"])]),
    ];

    public static bool IsSystem(string system) => Systems.Any(s => s.System == system);

    public async Task<string> RenderAsync(string? system, string? error, string? done)
    {
        var html = new StringBuilder();
        var title = system is null ? text["Title"].Value : $"{text["System." + system].Value} · {text["Title"].Value}";
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html><html lang="{{CultureInfo.CurrentUICulture.Name}}"><head><meta charset="utf-8"><title>{{E(title)}}</title>
            <style>
            body{font-family:system-ui,"Microsoft YaHei",sans-serif;margin:0;color:#1f2937;background:#f5f6f8}
            nav{background:#243b53;padding:0 16px;display:flex;gap:4px;align-items:center} nav a{color:#d9e2ec;text-decoration:none;padding:12px 10px} nav a.on{color:#fff;border-bottom:3px solid #f0b429}
            nav .lang{margin-left:auto} main{padding:16px 24px} h1{font-size:22px} h2{font-size:16px;margin-top:24px}
            table{border-collapse:collapse;background:#fff;width:100%;font-size:13px} th,td{border:1px solid #d9e2ec;padding:5px 8px;text-align:left;vertical-align:top} th{background:#eef2f6}
            form.inline{display:inline} .panel{background:#fff;border:1px solid #d9e2ec;padding:10px 12px;margin:8px 0} .panel input,.panel select{margin:2px 8px 2px 2px}
            .error{background:#fde8e8;border:1px solid #f5a3a3;padding:8px} .done{background:#e3f9e5;border:1px solid #91e697;padding:8px} .muted{color:#829ab1}
            </style></head><body>
            <nav><a href="/" class="{{(system is null ? "on" : "")}}">{{E(text["Overview"])}}</a>
            """);
        foreach (var (id, _) in Systems)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<a href="/{id}" class="{(id == system ? "on" : "")}" data-testid="nav-{id}">{E(text["System." + id])}</a>""");
        }

        html.Append(CultureInfo.InvariantCulture, $"""<span class="lang"><a href="/lang/zh-CN">中文</a><a href="/lang/en-US">English</a></span></nav><main><h1>{E(title)}</h1>""");
        if (error is { Length: > 0 })
        {
            html.Append(CultureInfo.InvariantCulture, $"""<div class="error" data-testid="error">{E(error)}</div>""");
        }

        if (done is { Length: > 0 })
        {
            html.Append(CultureInfo.InvariantCulture, $"""<div class="done" data-testid="done">{E(done)}</div>""");
        }

        if (system is null)
        {
            await OverviewAsync(html);
        }
        else
        {
            await FormsAsync(html, system);
            // Buttons and records change as FlowCenter works; both are refreshed.
            html.Append("<div id=\"records\">");
            await ButtonsAsync(html, system);
            foreach (var (kind, columns) in Systems.Single(s => s.System == system).Kinds)
            {
                Table(html, system, kind, columns, await store.ListAsync(system, kind));
            }

            html.Append("</div>");
        }

        // Records change while FlowCenter works: refresh them, unless someone is typing in a form.
        html.Append("""
            </main><script>
            setInterval(async () => {
              const el = document.getElementById('records');
              if (!el || (document.activeElement && ['INPUT','SELECT','TEXTAREA'].includes(document.activeElement.tagName))) return;
              const page = await fetch(location.pathname, { cache: 'no-store' }).then(r => r.text());
              const fresh = new DOMParser().parseFromString(page, 'text/html').getElementById('records');
              if (fresh) el.innerHTML = fresh.innerHTML;
            }, 2000);
            </script></body></html>
            """);
        return html.ToString();
    }

    private async Task OverviewAsync(StringBuilder html)
    {
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(text["Intro"])}</p><div id=\"records\"><table><tr><th>{E(text["System"])}</th><th>{E(text["Records"])}</th></tr>");
        foreach (var (id, kinds) in Systems)
        {
            var stored = await store.CountAsync(id);
            var counts = kinds.Select(k => $"{text["Kind." + k.Kind].Value}: {stored.GetValueOrDefault(k.Kind)}");

            html.Append(CultureInfo.InvariantCulture, $"""<tr><td><a href="/{id}">{E(text["System." + id])}</a></td><td>{E(string.Join(" · ", counts))}</td></tr>""");
        }

        html.Append(CultureInfo.InvariantCulture, $"</table><h2>{E(text["Webhooks"])}</h2><table data-testid=\"webhooks\"><tr><th>{E(text["Event"])}</th><th>{E(text["Field.correlationKey"])}</th><th>{E(text["Field.createdAt"])}</th><th>{E(text["Field.status"])}</th></tr>");
        foreach (var message in await store.RecentWebhooksAsync(20))
        {
            var state = message.SentAt is not null ? text["Sent"].Value : message.GaveUp ? text["GaveUp"].Value : $"{text["Pending"].Value} ({message.Attempts}) {message.LastError}";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(message.Event)}</td><td>{E(message.CorrelationKey ?? "")}</td><td>{E(message.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))}</td><td>{E(state)}</td></tr>");
        }

        html.Append("</table></div>");
    }

    private async Task FormsAsync(StringBuilder html, string system)
    {
        switch (system)
        {
            case "crm":
                var customers = await store.ListAsync("crm", "customers");
                var options = string.Concat(customers.Select(c => $"<option value=\"{E(c["code"])}\">{E(c["code"])} {E(c["name"])}</option>"));
                html.Append(CultureInfo.InvariantCulture, $"""
                    <div class="panel"><form method="post" action="/ui/crm/orders" data-testid="new-order"><b>{E(text["NewOrder"])}</b>
                    <select name="customer" data-testid="order-customer">{options}</select>
                    <input name="product" value="HP-200" placeholder="{E(text["Field.product"])}" data-testid="order-product">
                    <input name="quantity" type="number" value="10" min="1" data-testid="order-quantity">
                    <input name="dueDate" type="date" value="{DateTime.Today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" data-testid="order-due">
                    <button>{E(text["Create"])}</button></form></div>
                    <div class="panel"><form method="post" action="/ui/crm/customers" data-testid="edit-customer"><b>{E(text["EditCustomer"])}</b>
                    <input name="code" placeholder="{E(text["Field.code"])}" size="6" required> <input name="name" placeholder="{E(text["Field.name"])}" required>
                    <input name="taxNo" placeholder="{E(text["Field.taxNo"])}"> <input name="city" placeholder="{E(text["Field.city"])}"> <input name="email" placeholder="{E(text["Field.email"])}">
                    <button>{E(text["Save"])}</button></form></div>
                    """);
                break;
            case "mes":
                html.Append(CultureInfo.InvariantCulture, $"""
                    <div class="panel"><form method="post" action="/ui/mes/faults" data-testid="report-fault"><b>{E(text["ReportFault"])}</b>
                    <select name="line"><option>L1</option><option>L2</option><option>L3</option></select>
                    <input name="equipment" value="CNC-07" placeholder="{E(text["Field.equipment"])}">
                    <select name="type"><option value="mechanical">{E(text["Fault.mechanical"])}</option><option value="electrical">{E(text["Fault.electrical"])}</option><option value="hydraulic">{E(text["Fault.hydraulic"])}</option></select>
                    <input name="description" placeholder="{E(text["Field.description"])}" size="40">
                    <button>{E(text["Report"])}</button></form></div>
                    """);
                break;
            case "hrm":
                html.Append(CultureInfo.InvariantCulture, $"""
                    <div class="panel"><form method="post" action="/ui/hrm/employees" data-testid="new-hire"><b>{E(text["NewHire"])}</b>
                    <input name="name" placeholder="{E(text["Field.name"])}" required> <input name="userName" placeholder="{E(text["Field.userName"])}" required>
                    <select name="position"><option>Sales engineer</option><option>Buyer</option><option>Warehouse clerk</option><option>Production planner</option></select>
                    <input name="department" value="Sales" placeholder="{E(text["Field.department"])}"> <input name="startDate" type="date">
                    <button>{E(text["Create"])}</button></form></div>
                    """);
                break;
        }
    }

    private async Task ButtonsAsync(StringBuilder html, string system)
    {
        switch (system)
        {
            case "crm":
                Buttons(html, await store.ListAsync("crm", "orders"), o => o["status"]?.ToString() == "draft", o => $"/ui/crm/orders/{o["no"]}/confirm", text["Confirm"], "confirm");
                break;
            case "mes":
                Buttons(html, await store.ListAsync("mes", "production-orders"), o => o["status"]?.ToString() == "scheduled", o => $"/ui/mes/production-orders/{o["no"]}/finish", text["Finish"], "finish");
                break;
            case "wms":
                var receipts = await store.ListAsync("wms", "goods-receipts");
                Buttons(html, await store.ListAsync("erp", "purchase-orders"), po => !receipts.Exists(r => r["reference"]?.ToString() == po["no"]?.ToString()), po => $"/ui/wms/receive/{po["no"]}", text["ReceivePo"], "receive");
                break;
            case "finance":
                var invoices = await store.ListAsync("finance", "invoices");
                var received = (await store.ListAsync("wms", "goods-receipts")).Select(r => r["reference"]?.ToString()).ToHashSet();
                var open = (await store.ListAsync("erp", "purchase-orders")).Where(po => received.Contains(po["no"]?.ToString()) && !invoices.Exists(i => i["poNo"]?.ToString() == po["no"]?.ToString())).ToList();
                Buttons(html, open, _ => true, po => $"/ui/finance/invoice/{po["no"]}?factor=1", text["InvoiceAsOrdered"], "invoice");
                Buttons(html, open, _ => true, po => $"/ui/finance/invoice/{po["no"]}?factor=1.1", text["InvoiceHigherPrice"], "invoice-higher");
                break;
            case "hrm":
                Buttons(html, await store.ListAsync("hrm", "employees"), e => e["status"]?.ToString() == "candidate", e => $"/ui/hrm/employees/{e["no"]}/approve", text["ApproveHire"], "approve-hire");
                break;
        }
    }

    private static void Buttons(StringBuilder html, List<JsonObject> records, Func<JsonObject, bool> applies, Func<JsonObject, string> action, string label, string testId)
    {
        var chosen = records.Where(applies).ToList();
        if (chosen.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<div class=\"panel\"><b>{E(label)}</b> ");
        foreach (var record in chosen)
        {
            var key = record["no"]?.ToString() ?? "";
            html.Append(CultureInfo.InvariantCulture, $"""<form class="inline" method="post" action="{E(action(record))}"><button data-testid="{testId}-{E(key)}">{E(key)}</button></form> """);
        }

        html.Append("</div>");
    }

    private void Table(StringBuilder html, string system, string kind, string[] columns, List<JsonObject> records)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(text["Kind." + kind])} <span class=\"muted\">({records.Count})</span></h2><table data-testid=\"{system}-{kind}\"><tr>");
        foreach (var column in columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(text["Field." + column])}</th>");
        }

        html.Append("</tr>");
        foreach (var record in Enumerable.Reverse(records))
        {
            html.Append("<tr>");
            foreach (var column in columns)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{E(column == "updatedAt" ? When(record[column]) : Cell(record[column]))}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static string When(JsonNode? value) =>
        DateTimeOffset.TryParse(value?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)
            : Cell(value);

    private static string Cell(JsonNode? value) => value switch
    {
        null => "",
        JsonArray lines when lines.All(l => l is JsonObject o && o["sku"] is not null) =>
            string.Join("; ", lines.Select(l => $"{l!["sku"]} × {l["quantity"]}" + (l["price"] is { } p ? $" @ {p}" : ""))),
        JsonArray items when items.All(i => i is JsonObject o && o["item"] is not null) =>
            string.Join("; ", items.Select(i => $"{i!["item"]}: {i["result"]}")),
        JsonArray items => string.Join(", ", items.Select(i => i is JsonValue ? i.ToString() : i?.ToJsonString())),
        JsonValue v => v.ToString(),
        _ => value.ToJsonString(),
    };

    private static string E(object? value) => WebUtility.HtmlEncode(value?.ToString() ?? "");
}
