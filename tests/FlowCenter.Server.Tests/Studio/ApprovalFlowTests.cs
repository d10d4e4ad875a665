using FlowCenter.Server.Tests.TestSupport;
using Microsoft.Playwright;

namespace FlowCenter.Server.Tests.Studio;

/// <summary>A purchase request through the inbox in Chromium, each person signed in with their own browser.</summary>
public sealed class ApprovalFlowTests
{
    [BrowserFact]
    public async Task PurchaseRequest_ManagerApprovesFinanceRejects_RequesterSeesTheRejection()
    {
        using var folder = new TempFolder();
        folder.AddShippedWorkflow("purchase-request");
        await using var server = await ServerProcess.StartAsync("approvals", new Dictionary<string, string>
        {
            ["FlowCenter:Database:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "flowcenter.db")}",
            ["FlowCenter:Runtime:WorkflowsFolder"] = folder.Workflows,
        });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var address = server.Client.BaseAddress!;

        // The requester (张伟) starts a purchase request of 15,000: his manager, then finance must approve.
        var requester = await PageAsync(browser, address, "zhang.wei");
        await requester.Locator("[data-testid=new-request]").ClickAsync();
        await requester.Locator("[data-testid=start-purchase-request]").ClickAsync();
        await requester.Locator("[data-testid=request-submit]").ClickAsync();
        await Assertions.Expect(requester.Locator("[data-testid=request-errors]")).ToContainTextAsync("is required");
        await Browser.PickAsync(requester, requester.Locator("[data-testid=form-field-department]"), "Purchasing");
        await requester.Locator("[data-testid=form-field-reason] input, [data-testid=form-field-reason] textarea").First.FillAsync("Spare bearings for line 3");
        await requester.Locator("[data-testid=add-row-lines]").ClickAsync();
        await requester.Locator("input[data-testid=cell-lines-0-sku]").FillAsync("BEARING-6204");
        await requester.Locator("input[data-testid=cell-lines-0-qty]").FillAsync("100");
        await requester.Locator("input[data-testid=cell-lines-0-price]").FillAsync("150");
        await requester.Locator("input[data-testid=cell-lines-0-price]").BlurAsync();
        // Every required field filled: the banner went by itself, before submitting again.
        await Assertions.Expect(requester.Locator("[data-testid=request-errors]")).ToHaveCountAsync(0);
        await requester.Locator("[data-testid=request-submit]").ClickAsync();
        var started = requester.Locator("[data-testid=started-table]");
        await Assertions.Expect(started).ToContainTextAsync("Waiting at 部门经理审批 / Manager");

        // The first approver (李娜, his manager) finds it in To do and approves with a comment.
        var manager = await PageAsync(browser, address, "li.na");
        await Assertions.Expect(manager.Locator("[data-testid=todo-table]")).ToContainTextAsync("Purchase request 15000");
        await manager.Locator("[data-testid=task-link]").First.ClickAsync();
        await Assertions.Expect(manager.Locator("[data-testid=form-view]")).ToContainTextAsync("Reason");
        await Assertions.Expect(manager.Locator("[data-testid=process-diagram] g[data-cell-id=manager] rect").First).ToHaveAttributeAsync("fill", "#ffe082");
        await manager.Locator("textarea[data-testid=task-comment]").FillAsync("Agreed, order this week");
        await manager.Locator("[data-testid=decide-approve]").ClickAsync();
        await Assertions.Expect(manager).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tasks$"));
        await Assertions.Expect(manager.Locator("[data-testid=todo-table]")).Not.ToContainTextAsync("Purchase request 15000");

        // The second approver (王芳, finance) rejects.
        var finance = await PageAsync(browser, address, "wang.fang");
        await finance.Locator("[data-testid=task-link]").First.ClickAsync();
        await Assertions.Expect(finance.Locator("[data-testid=history]")).ToContainTextAsync("Agreed, order this week");
        await finance.Locator("textarea[data-testid=task-comment]").FillAsync("Over this month's budget");
        await finance.Locator("[data-testid=decide-reject]").ClickAsync();
        await Assertions.Expect(finance).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tasks$"));

        // The requester sees the rejection, by whom and why, in Started by me.
        await requester.ReloadAsync();
        await Assertions.Expect(started).ToContainTextAsync("Reject");
        await Assertions.Expect(started).ToContainTextAsync("王芳");
        await Assertions.Expect(started).ToContainTextAsync("Over this month's budget");
        await Assertions.Expect(started).ToContainTextAsync("Completed");
        await requester.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "flowcenter-started-by-me.png") });
    }

    private static async Task<IPage> PageAsync(IBrowser browser, Uri address, string user)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await Browser.SignInAsync(page, address, user, "/tasks");
        return page;
    }
}
