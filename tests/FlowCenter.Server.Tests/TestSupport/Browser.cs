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

    /// <summary>
    /// What the page showed when a browser step failed: a screenshot (its path) and the visible text of the
    /// parts named, so that a failure on a machine one cannot watch can be read. Returns the exception to throw.
    /// </summary>
    public static async Task<Exception> ExplainAsync(IPage page, Exception failure, string name, params string[] parts)
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
}
