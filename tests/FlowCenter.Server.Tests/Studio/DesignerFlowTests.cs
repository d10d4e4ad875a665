using FlowCenter.Server.Tests.TestSupport;
using Microsoft.Playwright;

namespace FlowCenter.Server.Tests.Studio;

/// <summary>
/// A process designer's first process, all in Chromium: create it, drag start -> decision -> two scripts ->
/// join -> end onto the canvas, connect them, set a condition, save, reload, publish, test-run and see the path.
/// </summary>
public sealed class DesignerFlowTests
{
    [BrowserFact]
    public async Task NewProcess_BuiltByDragAndDrop_SavesPublishesAndTestRuns()
    {
        using var folder = new TempFolder();
        await using var server = await ServerProcess.StartAsync("flow", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 2200, Height = 1200 } });
        page.SetDefaultTimeout(30_000);
        Browser.Watch(page);
        try
        {
            await Browser.SignInAsync(page, server.Client.BaseAddress!, "designer", "/processes");
            // The id is proposed from the name; Save says why it waits; saving opens the designer.
            await page.Locator("[data-testid=create-process]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=new-process-why]")).ToHaveTextAsync("Give the process a name.");
            await Assertions.Expect(page.Locator("[data-testid=new-process-save]")).ToBeDisabledAsync();
            await page.Locator("input[data-testid=new-process-name]").FillAsync("Approval");
            await Assertions.Expect(page.Locator("input[data-testid=new-process-id]")).ToHaveValueAsync("approval");
            await Assertions.Expect(page.Locator("[data-testid=new-process-why]")).ToHaveCountAsync(0);
            await page.Locator("[data-testid=new-process-save]").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/designer/approval$"));
            var nodes = page.Locator("[data-testid=canvas-nodes]");
            await Assertions.Expect(nodes).ToHaveTextAsync("1");
            var canvas = page.Locator("[data-testid=designer-canvas]");

            // The fit centres the start node; the others go to its right, each centred where it is dropped.
            var box = (await canvas.BoundingBoxAsync())!;
            (string Type, float X, float Y)[] drops = [("Decision", 0.65f, 0.5f), ("Script", 0.79f, 0.3f), ("Script", 0.79f, 0.7f), ("Join", 0.92f, 0.5f), ("End", 0.35f, 0.8f)];
            for (var i = 0; i < drops.Length; i++)
            {
                var (type, x, y) = drops[i];
                var item = page.Locator($".fc-palette-item[data-activity={type}]");
                await item.ScrollIntoViewIfNeededAsync();
                await item.DragToAsync(canvas, new LocatorDragToOptions { TargetPosition = new TargetPosition { X = box.Width * x, Y = box.Height * y } });
                await Assertions.Expect(nodes).ToHaveTextAsync((i + 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            // The decision landed centred on the pointer (within a grid step), not by its corner.
            var decision = (await canvas.Locator("g[data-cell-id=decision1] rect").First.BoundingBoxAsync())!;
            Assert.InRange(decision.X + (decision.Width / 2) - box.X, (box.Width * 0.65f) - 12, (box.Width * 0.65f) + 12);
            Assert.InRange(decision.Y + (decision.Height / 2) - box.Y, (box.Height * 0.5f) - 12, (box.Height * 0.5f) + 12);
            // Start has no input; the decision's ports say what they are.
            await Assertions.Expect(canvas.Locator("g[data-cell-id=start] circle[port=in]")).ToHaveCountAsync(0);
            await Assertions.Expect(canvas.Locator("g[data-cell-id=decision1]")).ToContainTextAsync("Otherwise");

            await ConnectAsync(page, canvas, "start", "done", "decision1");
            await ConnectAsync(page, canvas, "decision1", "branch1", "script1");
            await ConnectAsync(page, canvas, "decision1", "default", "script2");
            await ConnectAsync(page, canvas, "script1", "done", "join1");
            await ConnectAsync(page, canvas, "script2", "done", "join1");
            await ConnectAsync(page, canvas, "join1", "done", "end1");

            // Scripts need a body; the join waits for any branch; the decision's branch gets a real condition.
            await SetInputAsync(page, canvas, "script1", "script", "setVariable('route', 'big');");
            await SetInputAsync(page, canvas, "script2", "script", "setVariable('route', 'small');");
            await canvas.Locator("g[data-cell-id=join1]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=property-panel][data-node=join1]")).ToHaveCountAsync(1);
            await Browser.PickAsync(page, page.Locator("[data-testid=prop-input-mode]"), "Go on when the first branch arrives");
            await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
            // The decision's branch gets its condition in the edge's expression editor; a broken one is marked at once.
            await ClickEdgeAsync(page, canvas, "c2");
            var condition = page.Locator("[data-testid=prop-edge-condition] .cm-content");
            await ReplaceCodeAsync(page, condition, "input.amount >");
            await condition.BlurAsync();
            await Assertions.Expect(page.Locator("[data-testid=prop-edge-condition-problem]")).ToContainTextAsync("Unexpected end of input (line 1, column 15)");
            await Assertions.Expect(page.Locator("[data-testid=prop-edge-condition] .cm-lintRange-error")).ToHaveCountAsync(1);
            await ReplaceCodeAsync(page, condition, "input.amount > 1000");
            await condition.BlurAsync();
            await Assertions.Expect(page.Locator("[data-testid=prop-edge-condition-problem]")).ToHaveCountAsync(0);
            // JavaScript highlighting: the number is coloured as one (CodeMirror's default style, #164).
            await Assertions.Expect(page.Locator("[data-testid=prop-edge-condition] .cm-line span", new PageLocatorOptions { HasText = "1000" })).ToHaveCSSAsync("color", "rgb(17, 102, 68)");

            // The JSON view refuses broken JSON and keeps the definition as it was.
            await page.Locator("[data-testid=json-toggle]").ClickAsync();
            var json = page.Locator("[data-testid=json-editor] .cm-content");
            await Assertions.Expect(json).ToContainTextAsync("\"id\"");
            await json.ClickAsync();
            await page.Keyboard.PressAsync("Control+a");
            await page.Keyboard.TypeAsync("{ \"id\": ");
            await page.Locator("[data-testid=json-apply]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=json-error]")).ToBeVisibleAsync();
            await page.Locator("[data-testid=json-toggle]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=validation-panel]")).ToContainTextAsync("No problems");

            await page.Locator("[data-testid=save]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=dirty]")).ToHaveCountAsync(0);
            await page.ReloadAsync();
            await Assertions.Expect(nodes).ToHaveTextAsync("6");
            await Assertions.Expect(page.Locator("[data-testid=validation-panel]")).ToContainTextAsync("No problems");
            // The branch's condition came back from the store with the rest.
            await ClickEdgeAsync(page, canvas, "c2");
            await Assertions.Expect(page.Locator("[data-testid=prop-edge-condition] .cm-content")).ToHaveTextAsync("input.amount > 1000");
            await page.Locator("[data-testid=designer-publish]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=designer-toolbar]")).ToContainTextAsync("Published");

            // Test run with a large amount: the big branch is taken and highlighted. Broken input is named as it is
            // typed and cannot run; once it reads, the button is enabled again (the server has the input).
            await page.GetByRole(AriaRole.Tab, new() { Name = "Test run" }).ClickAsync();
            var input = page.Locator("textarea[data-testid=test-input]");
            var run = page.Locator("[data-testid=test-run]");
            await input.FillAsync("{\"amount\": ");
            await Assertions.Expect(page.Locator("[data-testid=test-run-panel]")).ToContainTextAsync("The input is not valid JSON (line 1, position 12).");
            await Assertions.Expect(run).ToBeDisabledAsync();
            await input.FillAsync("{\"amount\": 5000}");
            await Assertions.Expect(run).ToBeEnabledAsync();
            await Assertions.Expect(page.Locator("[data-testid=test-run-panel]")).Not.ToContainTextAsync("not valid JSON");
            await run.ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=test-status]")).ToContainTextAsync("Completed");
            await Assertions.Expect(page.Locator("[data-testid=test-journal]")).ToContainTextAsync("script1");
            await Assertions.Expect(page.Locator("[data-testid=test-journal]")).Not.ToContainTextAsync("script2");
            await Assertions.Expect(canvas.Locator("g[data-cell-id=script1] rect")).ToHaveAttributeAsync("fill", "#c8e6c9");
            await Assertions.Expect(canvas.Locator("g[data-cell-id=script2] rect")).ToHaveAttributeAsync("fill", "#fff");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-test-run.png") });
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            throw await Browser.ExplainAsync(page, ex, "designer-flow", server, "[data-testid=property-panel]", "[data-testid=prop-edge-condition]", "[data-testid=validation-panel]", "[data-testid=model-connections]", "[data-testid=test-run-panel]");
        }
    }

    private static async Task ConnectAsync(IPage page, ILocator canvas, string source, string port, string target)
    {
        var from = await canvas.Locator($"g[data-cell-id={source}] circle[port='{port}']").BoundingBoxAsync()
            ?? throw new Xunit.Sdk.XunitException($"{source}'s port {port} is not on the canvas");
        var to = await canvas.Locator($"g[data-cell-id={target}] circle[port=in]").BoundingBoxAsync()
            ?? throw new Xunit.Sdk.XunitException($"{target}'s input is not on the canvas");
        var connections = page.Locator("[data-testid=model-connections]");
        var before = int.Parse((await connections.TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(to.X + (to.Width / 2), to.Y + (to.Height / 2), new MouseMoveOptions { Steps = 10 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(connections).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The canvas has drawn it too (and the ports it changed, such as a decision's next free branch).
        await Assertions.Expect(canvas.Locator("g.x6-edge")).ToHaveCountAsync(before + 1);
    }

    /// <summary>Clicks an edge's line where nothing covers it (a port's label may lie over a short edge's middle).</summary>
    private static async Task ClickEdgeAsync(IPage page, ILocator canvas, string edgeId)
    {
        var point = await canvas.Locator($"g[data-cell-id={edgeId}] path").First.EvaluateAsync<float[]>("""
            p => {
              const id = p.closest('g[data-cell-id]').getAttribute('data-cell-id');
              const length = p.getTotalLength();
              const m = p.getScreenCTM();
              for (const t of [0.5, 0.6, 0.4, 0.7, 0.3, 0.8, 0.2, 0.9, 0.1]) {
                const at = p.getPointAtLength(length * t);
                const x = at.x * m.a + at.y * m.c + m.e, y = at.x * m.b + at.y * m.d + m.f;
                if (document.elementFromPoint(x, y)?.closest('g[data-cell-id]')?.getAttribute('data-cell-id') === id) return [x, y];
              }
              return null;
            }
            """);
        Assert.True(point is not null, $"edge {edgeId} is covered everywhere");
        await page.Mouse.ClickAsync(point[0], point[1]);
        await Assertions.Expect(page.Locator($"[data-testid=property-panel][data-connection={edgeId}]")).ToHaveCountAsync(1);
    }

    private static async Task SetInputAsync(IPage page, ILocator canvas, string nodeId, string input, string value)
    {
        await canvas.Locator($"g[data-cell-id={nodeId}]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid=property-panel][data-node={nodeId}]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"[data-testid=prop-input-{input}-problem]")).ToContainTextAsync("has no value");
        var field = page.Locator($"[data-testid=prop-input-{input}] .cm-content");
        await ReplaceCodeAsync(page, field, value);
        await field.BlurAsync();
        // The field's own problem ("has no value") went once it has a body.
        await Assertions.Expect(page.Locator($"[data-testid=prop-input-{input}-problem]")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Replaces a code editor's text as a person does: a click, Ctrl+A (CodeMirror's own select-all, which a
    /// re-render of the editor cannot undo as it can a DOM selection made from outside), then the new text, seen
    /// in the editor before going on.
    /// </summary>
    private static async Task ReplaceCodeAsync(IPage page, ILocator editor, string text)
    {
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+a");
        await page.Keyboard.InsertTextAsync(text);
        await Assertions.Expect(editor).ToHaveTextAsync(text);
    }
}
