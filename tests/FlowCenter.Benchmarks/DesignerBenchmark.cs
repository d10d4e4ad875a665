using System.Diagnostics;
using System.Globalization;
using FlowCenter.Engine.Definitions;
using FlowCenter.Engine.Serialization;
using Microsoft.Playwright;

namespace FlowCenter.Benchmarks;

/// <summary>
/// Opens a generated N-node definition in the designer in headless Chromium against a real server and prints
/// the time until the canvas shows every node and answers a click, and the time to save it.
/// </summary>
internal static class DesignerBenchmark
{
    private const string DemoPassword = "FlowCenter1!";

    public static async Task<int> RunAsync(string[] args)
    {
        var nodes = int.Parse(BenchmarkServer.Option(args, "--nodes") ?? "300", CultureInfo.InvariantCulture);
        var runs = int.Parse(BenchmarkServer.Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var folder = Path.Combine(Path.GetTempPath(), "fc-designer-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(folder, "workflows"));
        await File.WriteAllTextAsync(Path.Combine(folder, "workflows", "big.json"), WorkflowJson.Write(Generate(nodes)));
        var port = BenchmarkServer.FreePort();
        using var server = BenchmarkServer.Start(folder, port, DemoPassword);
        try
        {
            var url = $"http://127.0.0.1:{port}";
            await BenchmarkServer.WaitHealthyAsync(url);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            Console.WriteLine($"FlowCenter designer benchmark: {nodes}-node definition, headless Chromium, {runs} runs (first run not counted)");
            // Signed in once as the demo designer; every run opens the designer with that cookie.
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 900 } });
            var signIn = await context.NewPageAsync();
            await signIn.GotoAsync($"{url}/account/signin");
            await signIn.Locator("[data-testid=signin-user]").FillAsync("designer");
            await signIn.Locator("[data-testid=signin-password]").FillAsync(DemoPassword);
            await signIn.Locator("[data-testid=signin-submit]").ClickAsync();
            await signIn.WaitForURLAsync(u => !u.Contains("/account/signin", StringComparison.Ordinal));
            await signIn.CloseAsync();
            var open = new List<double>();
            var draw = new List<double>();
            var save = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                var page = await context.NewPageAsync();
                page.SetDefaultTimeout(60_000);
                var watch = Stopwatch.StartNew();
                await page.GotoAsync($"{url}/designer/big");
                await page.Locator("[data-testid=canvas-nodes]").Filter(new LocatorFilterOptions { HasText = nodes.ToString(CultureInfo.InvariantCulture) }).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
                var drawn = watch.Elapsed.TotalMilliseconds;
                await page.Locator("[data-testid=designer-canvas] g[data-cell-id=n150]").ClickAsync();
                await page.Locator("[data-testid=property-panel]").Filter(new LocatorFilterOptions { HasText = "n150" }).WaitForAsync();
                var opened = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                await page.Locator("[data-testid=save]").ClickAsync();
                await page.Locator(".mud-snackbar").First.WaitForAsync();
                var saved = watch.Elapsed.TotalMilliseconds;
                if (run > 0)
                {
                    draw.Add(drawn);
                    open.Add(opened);
                    save.Add(saved);
                }

                await page.CloseAsync();
            }

            Console.WriteLine($"open until drawn:       median {Median(draw):0} ms (min {draw.Min():0}, max {draw.Max():0})");
            Console.WriteLine($"open until interactive: median {Median(open):0} ms (min {open.Min():0}, max {open.Max():0})  (a click on a node shows its properties)");
            Console.WriteLine($"save:                   median {Median(save):0} ms (min {save.Min():0}, max {save.Max():0})");
            return 0;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A chain of Script and SetVariable nodes with a decision every twenty nodes, laid out in rows.</summary>
    private static WorkflowDefinition Generate(int count)
    {
        var definition = new WorkflowDefinition { Id = "big", Name = $"{count} nodes" };
        definition.Variables.Add(new VariableDefinition { Name = "x", Type = DataType.Number, Default = 0 });
        for (var i = 0; i < count; i++)
        {
            var type = i == 0 ? "Start" : i % 20 == 0 ? "Decision" : i % 2 == 0 ? "Script" : "SetVariable";
            var node = new NodeDefinition { Id = $"n{i}", Type = type, DisplayName = $"{type} {i}", Layout = new NodeLayout { X = 60 + (i % 15 * 220), Y = 60 + (i / 15 * 110) } };
            if (type == "Script")
            {
                node.Inputs["script"] = InputValue.FromLiteral("x = x + 1;");
            }
            else if (type == "SetVariable")
            {
                node.Inputs["name"] = InputValue.FromLiteral("x");
                node.Inputs["value"] = InputValue.FromExpression("x * 2");
            }

            definition.Nodes.Add(node);
            if (i > 0)
            {
                var from = definition.Nodes[i - 1];
                definition.Connections.Add(new ConnectionDefinition
                {
                    Id = $"c{i}",
                    Source = from.Id,
                    SourcePort = from.Type == "Decision" ? "more" : Ports.Done,
                    Target = node.Id,
                    Condition = from.Type == "Decision" ? WorkflowExpression.Js("x < 1000000") : null,
                });
            }
        }

        return definition;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
