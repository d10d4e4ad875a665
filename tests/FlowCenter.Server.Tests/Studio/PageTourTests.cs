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
        "/", "/processes", "/designer", "/designer/order-to-delivery", "/tasks", "/tasks/{item}", "/requests/new", "/requests/{instance}",
        "/me/away", "/me/tokens", "/admin/organization", "/admin/connections", "/admin/audit",
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

                foreach (var route in Pages)
                {
                    var path = route.Replace("{item}", adminItem, StringComparison.Ordinal).Replace("{instance}", instance, StringComparison.Ordinal);
                    var seen = problems.Count;
                    await page.GotoAsync(new Uri(server.Client.BaseAddress!, path).ToString());
                    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
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

                    var name = $"{locale}{(dark ? "-dark" : "")}{route.Replace('/', '_').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)}";
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, name + ".png"), FullPage = true });
                    var sideways = await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth + 1");
                    if (sideways)
                    {
                        wrong.Add($"{locale} {route}: the page scrolls sideways");
                    }

                    wrong.AddRange((await page.EvaluateAsync<string[]>(ClippedText)).Select(t => $"{locale} {route}: text cut off: \"{t}\""));

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
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
            {
                throw await Browser.ExplainAsync(page, ex, "tour-" + locale, server, ".mud-main-content");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
