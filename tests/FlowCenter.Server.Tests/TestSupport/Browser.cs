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
