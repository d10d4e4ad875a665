using FlowCenter.Server.Tests.TestSupport;
using Microsoft.Playwright;

namespace FlowCenter.Server.Tests.Studio;

/// <summary>The designer in Chromium against a real server: drag from the palette, connect ports, save, reload.</summary>
public sealed class DesignerPageTests
{
    [BrowserFact]
    public async Task Designer_DragConnectSaveReload_KeepsTheGraph()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("flow").Node("start", "Start").Configure("start", n => n.Layout = new() { X = 80, Y = 200 }).Build());
        await using var server = await ServerProcess.StartAsync("designer", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1500, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        await Browser.SignInAsync(page, server.Client.BaseAddress!, "designer", "/designer/flow");
        var nodes = page.Locator("[data-testid=canvas-nodes]");
        await Assertions.Expect(nodes).ToHaveTextAsync("1");

        // With nothing selected the panel edits the process, and a valid process shows no error there.
        await Assertions.Expect(page.Locator("[data-testid=workflow-panel]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=workflow-panel] .mud-alert")).ToHaveCountAsync(0);

        // Drag an End activity from the palette onto the canvas, below and right of the start node (which the fit centres).
        var canvas = page.Locator("[data-testid=designer-canvas]");
        var box = (await canvas.BoundingBoxAsync())!;
        await page.Locator(".fc-palette-item[data-activity=End]").DragToAsync(canvas, new LocatorDragToOptions { TargetPosition = new TargetPosition { X = box.Width * 0.8f, Y = box.Height * 0.75f } });
        await Assertions.Expect(nodes).ToHaveTextAsync("2");
        // The problem names the step as the process shows it.
        await Assertions.Expect(page.Locator("[data-testid=validation-panel]")).ToContainTextAsync("End no path leads here from the start");

        // Connect start's done port to the new node's input port.
        var from = (await canvas.Locator("g[data-cell-id=start] circle[port=done]").BoundingBoxAsync())!;
        var to = (await canvas.Locator("g[data-cell-id=end1] circle[port=in]").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(to.X + (to.Width / 2), to.Y + (to.Height / 2), new MouseMoveOptions { Steps = 12 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator("[data-testid=validation-panel]")).ToContainTextAsync("No problems");

        await page.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=dirty]")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Assertions.Expect(nodes).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-testid=designer-canvas] g[data-cell-id=end1]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=validation-panel]")).ToContainTextAsync("No problems");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-designer.png") });
    }
}
