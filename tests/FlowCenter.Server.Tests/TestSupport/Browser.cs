using Microsoft.Playwright;

namespace FlowCenter.Server.Tests.TestSupport;

/// <summary>Debian's Chromium driven by Playwright, headless, without Playwright's own browser download.</summary>
public static class Browser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> Watched = [];

    /// <summary>
    /// Records the page's console errors and uncaught script errors (a Blazor circuit that broke says so in the
    /// console), so that <see cref="ExplainAsync"/> can tell them and a test can assert there were none.
    /// </summary>
    public static IReadOnlyList<string> Watch(IPage page)
    {
        var problems = Watched.GetValue(page, _ => []);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (problems)
                {
                    problems.Add($"console error: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (problems)
            {
                problems.Add($"page error: {error}");
            }
        };
        return problems;
    }

    /// <summary>
    /// What the page showed when a browser step failed: a screenshot (its path) and the visible text of the
    /// parts named, so that a failure on a machine one cannot watch can be read. Returns the exception to throw.
    /// </summary>
    public static async Task<Exception> ExplainAsync(IPage page, Exception failure, string name, ServerProcess? server, params string[] parts)
    {
        var shot = Path.Combine(Path.GetTempPath(), $"flowcenter-failed-{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.png");
        var seen = new System.Text.StringBuilder();
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true, Timeout = 10_000 });
            foreach (var part in parts)
            {
                var locator = page.Locator(part);
                seen.Append('\n').Append(part).Append(": ")
                    .Append(await locator.CountAsync() == 0 ? "(not on the page)" : await locator.First.InnerTextAsync(new LocatorInnerTextOptions { Timeout = 5_000 }));
            }
        }
        catch (PlaywrightException ex)
        {
            seen.Append("\n(the page could not be read: ").Append(ex.Message).Append(')');
        }

        if (Watched.TryGetValue(page, out var problems))
        {
            lock (problems)
            {
                seen.Append("\nconsole and script errors: ").Append(problems.Count == 0 ? "none" : string.Join("\n  ", problems));
            }
        }

        if (server is not null)
        {
            seen.Append("\nthe server's log ends:\n").Append(server.LogTail);
        }

        return new InvalidOperationException($"{failure.Message}\nScreenshot: {shot}{seen}", failure);
    }

    /// <summary>Signs <paramref name="user"/> in on the sign-in page and waits for the page asked for.</summary>
    public static async Task SignInAsync(IPage page, Uri server, string user, string path = "/")
    {
        await page.GotoAsync(new Uri(server, $"/account/signin?returnUrl={Uri.EscapeDataString(path)}").ToString());
        await page.Locator("[data-testid=signin-user]").FillAsync(user);
        await page.Locator("[data-testid=signin-password]").FillAsync(ServerProcess.DemoPassword);
        await page.Locator("[data-testid=signin-submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
    }

    /// <summary>
    /// Chooses a file in a Blazor file input once Blazor has wired the input up (its script sets
    /// <c>_blazorInputFileNextFileId</c>); a file set before that raises a change nobody hears, which under load
    /// left the organisation import without its report.
    /// </summary>
    public static async Task ChooseFileAsync(IPage page, string path, string selector = "input[type=file]")
    {
        await page.WaitForFunctionAsync(
            "selector => { const input = document.querySelector(selector); return !!input && input._blazorInputFileNextFileId !== undefined; }",
            selector);
        await page.Locator(selector).SetInputFilesAsync(path);
    }

    /// <summary>
    /// Picks an option of a drop-down (MudSelect and the like): opens it, clicks the option, and waits until the
    /// server has closed the list. A select whose list the server still holds open takes the focus back when it
    /// loses it, so text typed into the next field before the close arrived went nowhere (a modification's
    /// reason was lost that way under load).
    /// </summary>
    public static async Task PickAsync(IPage page, ILocator field, string option)
    {
        await field.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }
}
