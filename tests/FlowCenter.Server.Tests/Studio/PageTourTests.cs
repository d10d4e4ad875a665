using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;
using Microsoft.Playwright;

namespace FlowCenter.Server.Tests.Studio;

/// <summary>
/// Every Studio page, in Chromium, in English (light) and in Chinese (dark): none writes an error to the console
/// or throws, none scrolls sideways, and the designer's view switches (JSON view, collapsing the navigation,
/// fitting, the theme) leave the console clean too. Each page's screenshot is kept for a person to look at.
/// </summary>
public sealed class PageTourTests
{
    private static readonly string[] Pages =
    [
        "/", "/processes", "/processes/order-to-delivery/bpmn", "/designer", "/designer/order-to-delivery", "/tasks", "/tasks/{item}", "/requests/new", "/requests/{instance}",
        "/me/away", "/me/tokens", "/admin/organization", "/admin/connections", "/admin/audit",
        "/instances", "/instances?status=waiting&var=reason%20contains%20bear&sort=-duration", "/instances/{instance}",
        "/instances/batches", "/instances/batches/{batch}", "/alerts", "/monitor",
    ];

    // MudBlazor's palette on the page: its background is white in the light theme only.
    private const string IsDark = "() => !['#fff', '#ffffff', '#ffffffff', 'white', 'rgb(255,255,255)', 'rgba(255,255,255,1)'].includes(getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim().toLowerCase().replaceAll(' ', ''))";

    // Text cut off by its box: a visible element holding only text, wider than its box, that hides what overflows.
    // Editors (CodeMirror), the canvas and inputs scroll or wrap by design and are left out, and so are texts that
    // are not shown as such: an outlined field's notch (its legend) and labels for screen readers only (a pixel wide).
    private const string ClippedText = """
        () => [...document.querySelectorAll('.mud-main-content *, .mud-appbar *, .mud-drawer *')]
          .filter(e => e.children.length === 0 && e.textContent.trim() && e.offsetParent !== null && !e.closest('.cm-editor, svg, .fc-canvas-wrap, input, textarea, legend') && e.clientWidth > 2 && getComputedStyle(e).visibility === 'visible')
          .filter(e => { const s = getComputedStyle(e); return e.scrollWidth > e.clientWidth + 1 && (s.overflowX === 'hidden' || s.overflowX === 'clip' || s.textOverflow === 'ellipsis'); })
          .map(e => e.textContent.trim().slice(0, 60))
        """;

    // English words on a Chinese page, outside names of things: a page marks names (processes, steps, people, form
    // labels and values, ids, recorded text) with translate="no", as it should for a browser's translator too; code,
    // editors, inputs and the canvas are left out. Acronyms (JSON, REST, ERP), identifiers (order.produced) and the
    // names of products and technologies are not English words. Labels for screen readers, tooltips and
    // placeholders count as text.
    private const string EnglishWords = """
        () => {
          const allowed = ['FlowCenter', 'JavaScript', 'Webhook', 'RabbitMQ', 'XPath', 'Cron', 'Elsa', 'bpmnlint'];
          const named = e => { const t = e.closest('[translate]'); return t !== null && t.getAttribute('translate') === 'no'; };
          const english = text => (text.replace(/[A-Za-z0-9]+(?:[._:\/$-][A-Za-z0-9]+)+/g, '').match(/[A-Za-z][A-Za-z']+/g) || [])
            .filter(w => !/^[A-Z0-9]+s?$/.test(w) && !allowed.includes(w));
          const found = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const e = n.parentElement;
            if (!e || named(e) || e.closest('script, style, svg, code, pre, input, textarea, .cm-editor, .fc-canvas-wrap')) continue;
            if (e.offsetParent === null && getComputedStyle(e).position !== 'fixed' && !e.closest('.mud-sr-only')) continue;
            const words = english(n.textContent);
            if (words.length) found.push(`"${n.textContent.trim().slice(0, 60)}" (${words.join(' ')})`);
          }
          for (const e of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
            if (named(e)) continue;
            for (const a of ['aria-label', 'title', 'placeholder']) {
              const words = english(e.getAttribute(a) || '');
              if (words.length) found.push(`${a} "${e.getAttribute(a).slice(0, 60)}" (${words.join(' ')})`);
            }
          }
          return found;
        }
        """;

    [BrowserFact]
    public async Task EveryPage_BothLanguagesAndThemes_NoConsoleErrorsNoSidewaysScroll()
    {
        using var folder = new TempFolder();
        folder.AddShippedWorkflow("order-to-delivery");
        folder.AddShippedWorkflow("purchase-request");
        await using var server = await ServerProcess.StartAsync("tour", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });

        // Connections of two kinds for the connections page.
        (await server.Client.PutAsJsonAsync("/api/connections/erp", new { kind = "rest", description = "ERP of the plant", settings = new { baseUrl = "http://127.0.0.1:9/api/erp", auth = "none" } })).EnsureSuccessStatusCode();
        (await server.Client.PutAsJsonAsync("/api/connections/crm", new { kind = "webhook", settings = new { auth = "hmac" }, secrets = new Dictionary<string, string> { ["key"] = "s" } })).EnsureSuccessStatusCode();

        // A case with a task for the administrator to open: a purchase request, its step given to admin.
        using var requester = server.ClientAs("zhang.wei");
        using var started = await requester.PostAsJsonAsync("/api/instances", new
        {
            definitionId = "purchase-request",
            input = new { department = "Purchasing", reason = "Bearings", lines = new[] { new { sku = "B-1", qty = 1, price = 10 } } },
        });
        started.EnsureSuccessStatusCode();
        var instance = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        using var manager = server.ClientAs("li.na");
        var item = (await Eventually.ThatAsync(async () => (await manager.GetFromJsonAsync<JsonObject>("/api/tasks?box=todo"))!["items"]!.AsArray(), i => i.Count > 0, "li.na's task"))[0]!["itemId"]!.GetValue<string>();
        using (var transferred = await manager.PostAsJsonAsync($"/api/tasks/{item}/transfer", new { target = "admin", comment = "for the tour" }))
        {
            transferred.EnsureSuccessStatusCode();
        }

        // A batch that suspends the case, for the batch pages (and the instance page's suspended banner).
        var batch = (await server.PostAsync("/api/batches", new { action = "suspend", instanceIds = new[] { instance }, reason = "for the tour" }))["id"]!.GetValue<string>();
        await Eventually.ThatAsync(() => server.GetAsync($"/api/batches/{batch}"), b => b["finishedAt"] is not null, "the tour's batch to finish");

        var adminItem = (await server.ClientAs("admin").GetFromJsonAsync<JsonObject>("/api/tasks?box=todo"))!["items"]![0]!["itemId"]!.GetValue<string>();
        var shots = Path.Combine(Path.GetTempPath(), "flowcenter-pages");
        Directory.CreateDirectory(shots);

        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var wrong = new List<string>();
        foreach (var (locale, dark) in new[] { ("en-US", false), ("zh-CN", true) })
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = locale, ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            page.SetDefaultTimeout(30_000);
            var problems = Browser.Watch(page);
            try
            {
                await Browser.SignInAsync(page, server.Client.BaseAddress!, "admin", "/");
                if (dark)
                {
                    await page.Locator("[data-testid=theme-toggle]").ClickAsync();
                    await page.WaitForFunctionAsync(IsDark);
                    await page.ReloadAsync();
                }

                // The cut-off check finds a text that does not fit (so that its silence below means something).
                await Assertions.Expect(page.Locator(".mud-main-content")).ToBeVisibleAsync();
                await page.EvaluateAsync("() => { const d = document.createElement('div'); d.id = 'fc-probe'; d.style.cssText = 'width:40px;overflow:hidden;white-space:nowrap'; d.textContent = 'A long text that does not fit'; document.querySelector('.mud-main-content').appendChild(d); }");
                Assert.Contains("A long text that does not fit", await page.EvaluateAsync<string[]>(ClippedText));
                await page.EvaluateAsync("() => document.getElementById('fc-probe').remove()");

                // So does the language check, on an English sentence and an English tooltip, and not on a marked name.
                await page.EvaluateAsync("() => { const d = document.createElement('div'); d.id = 'fc-probe'; d.innerHTML = '<span>保存 the draft</span><span translate=\\'no\\'>Order to delivery</span><button title=\\'Close it\\'>关</button>'; document.querySelector('.mud-main-content').appendChild(d); }");
                var probe = await page.EvaluateAsync<string[]>(EnglishWords);
                Assert.Contains(probe, t => t.Contains("the draft", StringComparison.Ordinal));
                Assert.Contains(probe, t => t.Contains("Close it", StringComparison.Ordinal));
                Assert.DoesNotContain(probe, t => t.Contains("delivery", StringComparison.Ordinal));
                await page.EvaluateAsync("() => document.getElementById('fc-probe').remove()");

                foreach (var route in Pages)
                {
                    var path = route.Replace("{item}", adminItem, StringComparison.Ordinal).Replace("{instance}", instance, StringComparison.Ordinal).Replace("{batch}", batch, StringComparison.Ordinal);
                    var seen = problems.Count;
                    // The page's load, not "network idle": a circuit that fell back from WebSockets to long polling
                    // (a busy moment at its start) keeps a request open at all times, and the wait never ended.
                    await page.GotoAsync(new Uri(server.Client.BaseAddress!, path).ToString());
                    await Assertions.Expect(page.Locator(".mud-main-content")).ToBeVisibleAsync();
                    await page.WaitForTimeoutAsync(300); // a circuit's first renders and the canvas's first drawing
                    if (dark)
                    {
                        // The chosen theme came back on this page (and reaches a canvas).
                        await page.WaitForFunctionAsync(IsDark, null, new PageWaitForFunctionOptions { Timeout = 10_000 });
                        if (await page.Locator(".x6-graph-background").CountAsync() > 0)
                        {
                            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.x6-graph-background')].every(b => getComputedStyle(b).backgroundColor !== 'rgb(255, 255, 255)')");
                        }
                    }

                    await CheckAsync(page, $"{locale}{(dark ? "-dark" : "")}{route.Replace('/', '_').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)}", $"{locale} {route}");
                    wrong.AddRange(problems.Skip(seen).Select(p => $"{locale} {route}: {p}"));
                }

                // The designer's view switches.
                var seenBefore = problems.Count;
                await page.GotoAsync(new Uri(server.Client.BaseAddress!, "/designer/order-to-delivery").ToString());
                await Assertions.Expect(page.Locator("[data-testid=canvas-nodes]")).Not.ToHaveTextAsync("0");
                await page.Locator("[data-testid=json-toggle]").ClickAsync();
                await Assertions.Expect(page.Locator("[data-testid=json-editor] .cm-content")).ToBeVisibleAsync();
                await page.Locator("[data-testid=json-toggle]").ClickAsync();
                await page.Locator("[data-testid=nav-toggle]").ClickAsync();
                await page.WaitForTimeoutAsync(400);
                await page.Locator("[data-testid=fit]").ClickAsync();
                await page.Locator("[data-testid=nav-toggle]").ClickAsync();
                await page.WaitForTimeoutAsync(400);
                await page.Locator("[data-testid=fit]").ClickAsync();
                await page.Locator("[data-testid=theme-toggle]").ClickAsync();
                await page.Locator("[data-testid=theme-toggle]").ClickAsync();
                await page.WaitForTimeoutAsync(300);
                wrong.AddRange(problems.Skip(seenBefore).Select(p => $"{locale} designer view switches: {p}"));

                // Home and the inbox for each of the other roles: a designer, an operator, a requester.
                foreach (var user in new[] { "designer", "operator", "zhang.wei" })
                {
                    var other = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = locale, ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
                    var theirs = Browser.Watch(other);
                    await Browser.SignInAsync(other, server.Client.BaseAddress!, user, "/");
                    foreach (var route in new[] { "/", "/tasks" })
                    {
                        await other.GotoAsync(new Uri(server.Client.BaseAddress!, route).ToString());
                        await Assertions.Expect(other.Locator(".mud-main-content")).ToBeVisibleAsync();
                        await other.WaitForTimeoutAsync(300);
                        await CheckAsync(other, $"{locale}-{user}{route.Replace('/', '_')}", $"{locale} {route} as {user}");
                    }

                    wrong.AddRange(theirs.Select(p => $"{locale} as {user}: {p}"));
                    await other.CloseAsync();
                }
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
            {
                throw await Browser.ExplainAsync(page, ex, "tour-" + locale, server, ".mud-main-content");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));

        // Keeps the page's screenshot and notes what is wrong with it: a sideways scroll, text cut off, English words
        // on a Chinese page.
        async Task CheckAsync(IPage page, string name, string where)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, name + ".png"), FullPage = true });
            if (await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth + 1"))
            {
                wrong.Add($"{where}: the page scrolls sideways");
            }

            wrong.AddRange((await page.EvaluateAsync<string[]>(ClippedText)).Select(t => $"{where}: text cut off: \"{t}\""));
            if (where.StartsWith("zh-CN", StringComparison.Ordinal))
            {
                wrong.AddRange((await page.EvaluateAsync<string[]>(EnglishWords)).Select(t => $"{where}: English words: {t}"));
            }
        }
    }
}
