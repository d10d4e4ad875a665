using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowCenter.Server.Tests.TestSupport;
using Microsoft.Playwright;

namespace FlowCenter.Server.Tests.Studio;

/// <summary>
/// An operator works a real incident through the Studio, in Chromium: filters the instance list (the filter lands
/// in the address), opens the case with the problem, sees its step in red, corrects the variable with a reason,
/// tries the step again and sees the case complete; the change is logged with the value before and after, the
/// other case with the same problem is untouched, and the pages read in Chinese too.
/// </summary>
public sealed class OperationsPageTests
{
    // The Studio moves between its pages inside one document (the address changes, no page loads): wait for the
    // address only. Waiting for a load event here waits on the first document's, which a busy machine can delay.
    private static readonly PageWaitForURLOptions InApp = new() { WaitUntil = WaitUntilState.Commit };

    [BrowserFact]
    public async Task Operator_FiltersOpensEditsRetries_AndTheCaseCompletes()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("pay").Input("requester")
            .Variable("amount", FlowCenter.Engine.Definitions.DataType.Number, 0)
            .Node("start", "Start").Node("check", "Script", ("script", "if (amount <= 0) throw new Error('Amount must be above zero'); return amount;")).Node("end", "End")
            .Configure("check", n => n.DisplayName = "Check the amount")
            .Chain("start", "check", "end").Build());
        await using var server = await ServerProcess.StartAsync("operations-page", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        using var requester = server.ClientAs("zhang.wei");
        var ids = new List<string>();
        foreach (var key in new[] { "PAY-1", "PAY-2" })
        {
            using var started = await requester.PostAsJsonAsync("/api/instances", new { definitionId = "pay", businessKey = key });
            ids.Add((await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        }

        await Eventually.ThatAsync(async () => (await server.GetAsync("/api/instances?hasIncidents=true"))["total"]!.GetValue<int>(), n => n == 2, "both cases held up", context: () => server.LogTail);

        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        var problems = Browser.Watch(page);
        try
        {
            await Browser.SignInAsync(page, server.Client.BaseAddress!, "operator", "/");
            await page.Locator("[data-testid=nav-instances]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=instances-total]")).ToContainTextAsync("2 matching");

            // One process version: its diagram shows where its running cases stand (both stopped at the check, in
            // red), and a click on that step lists the cases standing there.
            await page.GotoAsync(new Uri(server.Client.BaseAddress!, "/instances?definitionId=pay&version=1").ToString());
            var versionDiagram = page.Locator("[data-testid=instances-diagram]");
            await Assertions.Expect(versionDiagram.Locator("[data-testid=node-note][data-node=check]")).ToHaveTextAsync("2 with a problem");
            await Assertions.Expect(versionDiagram.Locator("g[data-cell-id=check] rect").First).ToHaveAttributeAsync("fill", "#ffcdd2");
            await Assertions.Expect(versionDiagram.Locator("[data-testid=node-note][data-node=start]")).ToHaveCountAsync(0);
            await versionDiagram.Locator("g[data-cell-id=check]").ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("node=check", StringComparison.Ordinal) && u.Contains("version=1", StringComparison.Ordinal), InApp);
            // The browser has the new address before the server has read it into the form: the export link, made from
            // the filter the server read, says it has (a status picked before that was overwritten by the address's
            // empty one, once, under load).
            await Assertions.Expect(page.Locator("[data-testid=instances-export]")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("node=check"));
            await Assertions.Expect(page.Locator("[data-testid=instances-total]")).ToContainTextAsync("2 matching");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-instances-diagram.png"), FullPage = true });

            // Filter: with open problems, business key PAY-1; the address holds the filter.
            await Browser.PickAsync(page, page.Locator("[data-testid=instances-status]"), "With open problems");
            await page.Locator("[data-testid=instances-key]").FillAsync("PAY-1");
            await page.Locator("[data-testid=instances-search]").ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("hasIncidents=true", StringComparison.Ordinal) && u.Contains("businessKey=PAY-1", StringComparison.Ordinal), InApp);
            await Assertions.Expect(page.Locator("[data-testid=instances-total]")).ToContainTextAsync("1 matching");
            await Assertions.Expect(page.Locator("[data-testid=instance-row]")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("[data-testid=instance-row]")).ToContainTextAsync("Check the amount");

            // The case: its problem, its step in red.
            await page.Locator("[data-testid=instance-row] a").ClickAsync();
            await page.WaitForURLAsync($"**/instances/{ids[0]}", InApp);
            await Assertions.Expect(page.Locator("[data-testid=instance-incident]")).ToContainTextAsync("Problem at Check the amount");
            await Assertions.Expect(page.Locator("[data-testid=instance-incident-message]")).ToContainTextAsync("Amount must be above zero");
            await Assertions.Expect(page.Locator("[data-testid=process-diagram] g[data-cell-id=check] rect").First).ToHaveAttributeAsync("fill", "#ffcdd2");

            // Correct the amount, giving the reason; then try the step again.
            await page.Locator("[data-variable=amount] [data-testid=variable-edit]").ClickAsync();
            await page.Locator("[data-testid=variable-new-value]").FillAsync("250");
            await page.Locator("[data-testid=variable-reason]").FillAsync("The requester gave the amount by phone");
            await page.Locator("[data-testid=variable-save]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=instance-message]")).ToContainTextAsync("“amount” was changed");
            await Assertions.Expect(page.Locator("[data-variable=amount] [data-testid=variable-value]")).ToHaveTextAsync("250");
            await Assertions.Expect(page.Locator("[data-testid=instance-repairs]")).ToContainTextAsync("amount: 0 → 250 · The requester gave the amount by phone");
            await page.Locator("[data-testid=incident-retry]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=instance-status]")).ToHaveTextAsync("Completed");
            await Assertions.Expect(page.Locator("[data-testid=instance-incident]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=process-diagram] g[data-cell-id=end] rect").First).ToHaveAttributeAsync("fill", "#c8e6c9");
            await Assertions.Expect(page.Locator("[data-testid=instance-repairs]")).ToContainTextAsync("tried a step again");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-instance-repaired.png"), FullPage = true });

            // The other case still waits for its operator; the log has who changed what.
            Assert.Equal("suspended", (await server.GetAsync($"/api/instances/{ids[1]}"))["status"]!.GetValue<string>());
            Assert.Equal("completed", (await server.GetAsync($"/api/instances/{ids[0]}"))["status"]!.GetValue<string>());
            var log = (await server.GetAsync("/api/audit?action=instance.variable"))["items"]!.AsArray();
            Assert.Contains(log, e => e!["actor"]!.GetValue<string>() == "operator" && e["target"]!.GetValue<string>() == "instance:" + ids[0]
                && e["detail"]!.GetValue<string>().Contains("amount: 0 → 250", StringComparison.Ordinal));

            // In Chinese: the list by the link the filter made, and the page of the other case.
            var chinese = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
            chinese.SetDefaultTimeout(30_000);
            var chineseProblems = Browser.Watch(chinese);
            await Browser.SignInAsync(chinese, server.Client.BaseAddress!, "operator", "/instances?status=completed");
            await Assertions.Expect(chinese.Locator("[data-testid=instances-total]")).ToContainTextAsync("共 1 条");
            await Assertions.Expect(chinese.Locator("[data-testid=instance-status]")).ToHaveTextAsync("已完成");
            // The repaired case left the version's diagram; the other still stands at the check.
            await chinese.GotoAsync(new Uri(server.Client.BaseAddress!, "/instances?definitionId=pay&version=1").ToString());
            await Assertions.Expect(chinese.Locator("[data-testid=instances-diagram] [data-testid=node-note][data-node=check]")).ToHaveTextAsync("1 个有问题");
            await chinese.GotoAsync(new Uri(server.Client.BaseAddress!, $"/instances/{ids[1]}").ToString());
            await Assertions.Expect(chinese.Locator("[data-testid=instance-incident]")).ToContainTextAsync("Check the amount 出现问题");
            await Assertions.Expect(chinese.Locator("[data-testid=incident-retry]")).ToHaveTextAsync("重试");
            await chinese.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-instance-zh.png"), FullPage = true });
            Assert.Empty(problems);
            Assert.Empty(chineseProblems);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            throw await Browser.ExplainAsync(page, ex, "operations", server, "[data-testid=instances-table]", "[data-testid=instance-incident]", "[data-testid=instance-message]");
        }
    }

    [BrowserFact]
    public async Task Operator_BatchCancelsExactlyTheFilteredSet_AndSuspendsAndResumesAChosenCase()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("order").Input("requester").Input("amount", FlowCenter.Engine.Definitions.DataType.Number)
            .Variable("amount", FlowCenter.Engine.Definitions.DataType.Number, 0)
            .Node("start", "Start").Node("set", "SetVariable", ("name", "amount"), ("value", new Js("input.amount")))
            .Node("task", "UserTask", ("title", "Confirm the order"), ("assignee", "li.na")).Node("end", "End")
            .Configure("task", n => n.DisplayName = "Confirm the order")
            .Connect("start", "set").Connect("set", "task").Connect("task", "end", "approve").Build());
        await using var server = await ServerProcess.StartAsync("operations-batch", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        using var requester = server.ClientAs("zhang.wei");
        var amounts = new[] { 500, 1200, 800, 5000, 1000, 20 };
        var ids = new List<string>();
        foreach (var (amount, i) in amounts.Select((a, i) => (a, i)))
        {
            using var started = await requester.PostAsJsonAsync("/api/instances", new { definitionId = "order", businessKey = $"SO-{i + 1}", input = new { amount } });
            ids.Add((await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        }

        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        var problems = Browser.Watch(page);
        try
        {
            // The list filtered by a data condition: amount of 1,000 or more.
            await Browser.SignInAsync(page, server.Client.BaseAddress!, "operator", "/instances?definitionId=order&var=amount%3E%3D1000");
            await Assertions.Expect(page.Locator("[data-testid=instances-total]")).ToContainTextAsync("3 matching");

            // Cancel all matching: the server counts them first, the button says how many, the batch page follows it.
            await page.Locator("[data-testid=batch-menu] button").ClickAsync();
            await page.Locator("[data-testid=batch-cancel]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=batch-preview]")).ToContainTextAsync("3 cases will be cancelled");
            await Assertions.Expect(page.Locator("[data-testid=batch-filter]")).ToContainTextAsync("amount>=1000");
            await page.Locator("[data-testid=batch-reason]").FillAsync("Orders withdrawn by the customer");
            await page.Locator("[data-testid=batch-confirm]").ClickAsync();
            await page.WaitForURLAsync("**/instances/batches/*", InApp);
            await Assertions.Expect(page.Locator("[data-testid=batch-state]")).ToHaveTextAsync("Finished");
            await Assertions.Expect(page.Locator("[data-testid=batch-done]")).ToHaveTextAsync("Done 3");
            await Assertions.Expect(page.Locator("[data-testid=batch-item][data-outcome=done]")).ToHaveCountAsync(3);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-batch-cancel.png"), FullPage = true });
            var statuses = await Task.WhenAll(ids.Select(async id => (await server.GetAsync($"/api/instances/{id}"))["status"]!.GetValue<string>()));
            Assert.Equal(amounts.Select(a => a >= 1000 ? "cancelled" : "waiting"), statuses);

            // Tick one waiting case and suspend it; its page says who holds it; resume it there.
            await page.GotoAsync(new Uri(server.Client.BaseAddress!, "/instances?definitionId=order&status=waiting").ToString());
            await Assertions.Expect(page.Locator("[data-testid=instances-total]")).ToContainTextAsync("3 matching");
            await page.Locator($"[data-testid=instance-row][data-instance='{ids[5]}'] [data-testid=instance-select]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=batch-selected]")).ToHaveTextAsync("1 selected");
            await page.Locator("[data-testid=batch-menu] button").ClickAsync();
            await page.Locator("[data-testid=batch-suspend]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=batch-preview]")).ToContainTextAsync("1 cases will be suspended");
            await page.Locator("[data-testid=batch-confirm]").ClickAsync();
            await page.WaitForURLAsync("**/instances/batches/*", InApp);
            await Assertions.Expect(page.Locator("[data-testid=batch-state]")).ToHaveTextAsync("Finished");
            await Assertions.Expect(page.Locator("[data-testid=batch-item]")).ToHaveAttributeAsync("data-instance", ids[5]);
            Assert.Equal("suspended", (await server.GetAsync($"/api/instances/{ids[5]}"))["status"]!.GetValue<string>());

            // While suspended, the approver's decision waits; on resume it is delivered and the case completes.
            using var approver = server.ClientAs("li.na");
            var task = (await approver.GetFromJsonAsync<JsonObject>("/api/tasks?box=todo"))!["items"]!.AsArray().Single(t => t!["instanceId"]!.GetValue<string>() == ids[5])!;
            using var decided = await approver.PostAsJsonAsync($"/api/tasks/{task["itemId"]!.GetValue<string>()}/decide", new { outcome = "approve", comment = "fine" });
            Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
            await page.Locator("[data-testid=batch-item] a").ClickAsync();
            await page.WaitForURLAsync($"**/instances/{ids[5]}", InApp);
            await Assertions.Expect(page.Locator("[data-testid=instance-held]")).ToContainTextAsync("Suspended by");
            await Assertions.Expect(page.Locator("[data-testid=instance-held-arrived]")).ToContainTextAsync("Confirm the order");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-instance-held.png"), FullPage = true });
            Assert.Equal("suspended", (await server.GetAsync($"/api/instances/{ids[5]}"))["status"]!.GetValue<string>());
            await page.Locator("[data-testid=instance-resume]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=instance-status]")).ToHaveTextAsync("Completed");
            await Assertions.Expect(page.Locator("[data-testid=instance-repairs]")).ToContainTextAsync("Resumed");

            // In Chinese: the batches page.
            var chinese = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
            chinese.SetDefaultTimeout(30_000);
            var chineseProblems = Browser.Watch(chinese);
            await Browser.SignInAsync(chinese, server.Client.BaseAddress!, "operator", "/instances/batches");
            await Assertions.Expect(chinese.Locator("[data-testid=batch-row]")).ToHaveCountAsync(2);
            await Assertions.Expect(chinese.Locator("[data-testid=batch-row]").Last).ToContainTextAsync("批量取消");
            await chinese.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-batches-zh.png"), FullPage = true });
            Assert.Empty(problems);
            Assert.Empty(chineseProblems);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            throw await Browser.ExplainAsync(page, ex, "operations-batch", server, "[data-testid=instances-table]", "[data-testid=batch-form]", "[data-testid=batch-items]", "[data-testid=instance-held]");
        }
    }

    [BrowserFact]
    public async Task Operator_MovesAPathPastAStep_AndTheCaseContinuesThere()
    {
        using var folder = new TempFolder();
        folder.AddWorkflow(new WorkflowBuilder("contract").Input("requester")
            .Node("start", "Start").Node("check", "UserTask", ("title", "Legal check"), ("assignee", "li.na"))
            .Node("sign", "UserTask", ("title", "Sign the contract"), ("assignee", "wang.fang")).Node("end", "End")
            .Configure("check", n => n.DisplayName = "Legal check").Configure("sign", n => n.DisplayName = "Sign the contract")
            .Connect("start", "check").Connect("check", "sign", "approve").Connect("sign", "end", "approve").Build());
        await using var server = await ServerProcess.StartAsync("operations-modify", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        using var requester = server.ClientAs("zhang.wei");
        using var started = await requester.PostAsJsonAsync("/api/instances", new { definitionId = "contract", businessKey = "CT-9" });
        var id = (await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        page.SetDefaultTimeout(30_000);
        var problems = Browser.Watch(page);
        try
        {
            await Browser.SignInAsync(page, server.Client.BaseAddress!, "operator", $"/instances/{id}");
            await Assertions.Expect(page.Locator("[data-testid=instance-task][data-node=check]")).ToContainTextAsync("Waiting for a decision");
            await Assertions.Expect(page.Locator("[data-testid=process-diagram] [data-testid=node-note][data-node=check]")).ToContainTextAsync("1×");

            // Move the path from the legal check to the signature: the preview says what happens, nothing runs yet.
            await page.Locator("[data-testid=instance-modify]").ClickAsync();
            await Browser.PickAsync(page, page.Locator("[data-testid=modify-path][data-node=check] [data-testid=modify-move-to]"), "Sign the contract");
            await page.Locator("[data-testid=modify-reason]").FillAsync("Legal checked it by phone");
            await page.Locator("[data-testid=modify-preview-button]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=modify-preview]")).ToContainTextAsync("The path at Legal check is cancelled; its open task is withdrawn");
            await Assertions.Expect(page.Locator("[data-testid=modify-preview]")).ToContainTextAsync("The case then stands at: Sign the contract.");
            Assert.Equal("check", (await server.GetAsync($"/api/instances/{id}"))["tokens"]![0]!["nodeId"]!.GetValue<string>());
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-instance-modify.png"), FullPage = true });
            await page.Locator("[data-testid=modify-apply]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=instance-message]")).ToContainTextAsync("The paths were changed");
            await Assertions.Expect(page.Locator("[data-testid=instance-task][data-node=check]")).ToContainTextAsync("No longer needed");
            await Assertions.Expect(page.Locator("[data-testid=instance-task][data-node=sign]")).ToContainTextAsync("Waiting for a decision");
            await Assertions.Expect(page.Locator("[data-testid=journal-modification]")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("[data-testid=instance-repairs]")).ToContainTextAsync("Legal checked it by phone");

            // A click on a step lists its runs only.
            await page.Locator("[data-testid=process-diagram] g[data-cell-id=sign]").First.ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=journal-row]")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("[data-testid=journal-row]").First).ToContainTextAsync("Path placed here by an operator");

            // The signer decides; the case completes without the legal check ever running again.
            using var signer = server.ClientAs("wang.fang");
            var task = (await signer.GetFromJsonAsync<JsonObject>("/api/tasks?box=todo"))!["items"]!.AsArray().Single()!;
            using var decided = await signer.PostAsJsonAsync($"/api/tasks/{task["itemId"]!.GetValue<string>()}/decide", new { outcome = "approve" });
            Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
            await Assertions.Expect(page.Locator("[data-testid=instance-status]")).ToHaveTextAsync("Completed", new() { Timeout = 20_000 });
            Assert.Empty((await server.ClientAs("li.na").GetFromJsonAsync<JsonObject>("/api/tasks?box=todo"))!["items"]!.AsArray());
            var journal = (await server.GetAsync($"/api/instances/{id}/journal")).AsArray();
            Assert.Single(journal, e => e!["nodeId"]!.GetValue<string>() == "check");
            Assert.Empty(problems);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            throw await Browser.ExplainAsync(page, ex, "operations-modify", server, "[data-testid=modify-form]", "[data-testid=instance-journal]", "[data-testid=instance-tasks]", "[data-testid=instance-message]");
        }
    }
}
