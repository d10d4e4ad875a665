using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FlowCenter.Samples.Enterprise.Data;
using FlowCenter.Samples.Enterprise.Systems;
using FlowCenter.Samples.Enterprise.Web;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace FlowCenter.Samples.Enterprise;

/// <summary>
/// The simulated enterprise systems in one ASP.NET app with one SQLite file: CRM, ERP, MES, WMS, SRM, finance
/// (with a SOAP service), HRM and OA. REST under <c>/api/{system}</c>, a page per system at <c>/{system}</c>,
/// webhooks to FlowCenter when their state changes, and fault injection under <c>/_chaos</c>.
/// </summary>
public static class EnterpriseApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<EnterpriseOptions>(builder.Configuration.GetSection("Enterprise"));
        var settings = builder.Configuration.GetSection("Enterprise").Get<EnterpriseOptions>() ?? new EnterpriseOptions();
        var database = Path.GetFullPath(settings.Database, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        builder.Services.AddDbContext<EnterpriseDb>(o => o.UseSqlite($"Data Source={database}"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<EnterpriseStore>();
        builder.Services.AddScoped<Pages>();
        builder.Services.AddSingleton<Chaos>();
        builder.Services.AddHttpClient(nameof(WebhookSender), c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHostedService<WebhookSender>();
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        if (settings.ParentProcessId is { } parent)
        {
            builder.Services.AddHostedService(sp => new ParentWatch(parent, sp.GetRequiredService<IHostApplicationLifetime>()));
        }

        var app = builder.Build();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnterpriseDb>();
            db.Database.EnsureCreated();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            if (settings.Seed)
            {
                SeedData.SeedAsync(db, scope.ServiceProvider.GetRequiredService<EnterpriseStore>(), TimeProvider.System).GetAwaiter().GetResult();
            }
        }

        string[] cultures = ["zh-CN", "en-US"];
        app.UseRequestLocalization(new RequestLocalizationOptions().SetDefaultCulture("zh-CN").AddSupportedCultures(cultures).AddSupportedUICultures(cultures));
        var chaos = app.Services.GetRequiredService<Chaos>();
        app.Use(chaos.InvokeAsync);

        Crm.Map(app);
        Erp.Map(app);
        Mes.Map(app);
        Wms.Map(app);
        Finance.Map(app);
        People.Map(app);
        // Any system's records by kind, for people and tests watching data arrive (the routes above come first).
        app.MapGet("/api/{system}/{kind}", async (EnterpriseStore store, string system, string kind) => Results.Json(await store.ListAsync(system, kind)));
        app.MapGet("/api/{system}/{kind}/{key}", async (EnterpriseStore store, string system, string kind, string key) =>
            await store.GetAsync(system, kind, key) is { } record ? Results.Json(record) : Results.NotFound());
        MapChaos(app, chaos);
        MapPages(app);
        app.MapGet("/health", () => Results.Text("ok"));
        app.MapGet("/favicon.ico", () => Results.NoContent());
        return app;
    }

    private static void MapChaos(WebApplication app, Chaos chaos)
    {
        app.MapPost("/_chaos", (JsonObject body) =>
        {
            var rule = new Chaos.Rule
            {
                Path = Operations.Text(body, "path"),
                Mode = Operations.Text(body, "mode"),
                DelayMs = body["delayMs"] is { } delay ? delay.GetValue<int>() : 0,
                Remaining = body["times"] is { } times ? times.GetValue<int>() : 1,
            };
            chaos.Add(rule);
            return Results.Ok();
        });
        app.MapDelete("/_chaos", () =>
        {
            chaos.Clear();
            return Results.Ok();
        });
    }

    private static void MapPages(WebApplication app)
    {
        app.MapGet("/", async (Pages pages, string? error, string? done) => Results.Content(await pages.RenderAsync(null, error, done), "text/html; charset=utf-8"));
        app.MapGet("/{system}", async (Pages pages, string system, string? error, string? done) =>
            Pages.IsSystem(system) ? Results.Content(await pages.RenderAsync(system, error, done), "text/html; charset=utf-8") : Results.NotFound());
        app.MapGet("/lang/{culture}", (HttpContext http, string culture) =>
        {
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)));
            return Results.Redirect(http.Request.Headers.Referer.ToString() is { Length: > 0 } back ? back : "/");
        });

        // What the buttons on the pages do: the same operations as the REST API, then back to the page.
        MapAction(app, "/ui/crm/orders", "crm", (store, form, _) => Crm.CreateOrderAsync(store, Fields(form, "customer", "product", "quantity", "dueDate")));
        MapAction(app, "/ui/crm/orders/{key}/confirm", "crm", (store, _, key) => Crm.ConfirmOrderAsync(store, key!));
        MapAction(app, "/ui/crm/customers", "crm", (store, form, _) => Crm.SaveCustomerAsync(store, form["code"].ToString(), Fields(form, "name", "taxNo", "city", "email")));
        MapAction(app, "/ui/mes/production-orders/{key}/finish", "mes", (store, _, key) => Mes.FinishAsync(store, key!));
        MapAction(app, "/ui/mes/faults", "mes", (store, form, _) => Mes.ReportFaultAsync(store, Fields(form, "line", "equipment", "type", "description")));
        MapAction(app, "/ui/wms/receive/{key}", "wms", async (store, _, key) =>
        {
            var order = await store.GetAsync(Erp.System, "purchase-orders", key!) ?? Operations.NotFound("purchase order", key!);
            var lines = new JsonArray([.. order["lines"]!.AsArray().Select(l => (JsonNode)new JsonObject { ["sku"] = l!["sku"]!.DeepClone(), ["quantity"] = l["quantity"]!.DeepClone() })]);
            return await Wms.ReceiveAsync(store, key!, lines);
        });
        MapAction(app, "/ui/finance/invoice/{key}", "finance", async (store, form, key) =>
        {
            var order = await store.GetAsync(Erp.System, "purchase-orders", key!) ?? Operations.NotFound("purchase order", key!);
            var factor = decimal.Parse(form["factor"].ToString() is { Length: > 0 } f ? f : "1", CultureInfo.InvariantCulture);
            var lines = new JsonArray([.. order["lines"]!.AsArray().Select(l => (JsonNode)new JsonObject
            {
                ["sku"] = l!["sku"]!.DeepClone(),
                ["quantity"] = l["quantity"]!.DeepClone(),
                ["price"] = Math.Round(l["price"]!.GetValue<decimal>() * factor, 2),
            })]);
            return await Finance.RegisterInvoiceAsync(store, new JsonObject { ["supplier"] = order["supplier"]!.DeepClone(), ["poNo"] = key, ["lines"] = lines });
        });
        MapAction(app, "/ui/hrm/employees", "hrm", (store, form, _) => People.AddCandidateAsync(store, Fields(form, "name", "userName", "position", "department", "startDate")));
        MapAction(app, "/ui/hrm/employees/{key}/approve", "hrm", (store, _, key) => People.ApproveHireAsync(store, key!));
    }

    private static void MapAction(WebApplication app, string pattern, string system, Func<EnterpriseStore, IFormCollection, string?, Task<JsonNode>> action) =>
        app.MapPost(pattern, async (HttpContext http, EnterpriseStore store) =>
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : FormCollection.Empty;
            var query = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder();
            try
            {
                var result = await action(store, new FormCollection(form.ToDictionary(f => f.Key, f => f.Value)
                    .Concat(http.Request.Query.Where(q => !form.ContainsKey(q.Key)).Select(q => KeyValuePair.Create(q.Key, q.Value))).ToDictionary()), http.GetRouteValue("key")?.ToString());
                await store.SaveAsync();
                query.Add("done", result["no"]?.ToString() ?? result["orderNo"]?.ToString() ?? "ok");
            }
            catch (BusinessException ex)
            {
                store.Forget();
                query.Add("error", ex.Message);
            }

            return Results.Redirect($"/{system}{query}");
        });

    private static JsonObject Fields(IFormCollection form, params string[] names)
    {
        var fields = new JsonObject();
        foreach (var name in names)
        {
            if (form[name].ToString() is { Length: > 0 } value)
            {
                fields[name] = value;
            }
        }

        return fields;
    }

    /// <summary>Stops the simulator when the process that started it is gone.</summary>
    private sealed class ParentWatch(int parent, IHostApplicationLifetime lifetime) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    using var process = Process.GetProcessById(parent);
                    if (process.HasExited)
                    {
                        break;
                    }
                }
                catch (ArgumentException)
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }

            lifetime.StopApplication();
        }
    }
}
